package io.stormwatch.sim.msformat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.stormwatch.sim.world.City;
import java.io.IOException;

/**
 * Parts of an Entra sign-in record that every writer of one lays out the same way: the simulator's
 * {@link SignInRecordWriter} and the scenario library's token issuances.
 */
public final class SignInRecordParts {

  private SignInRecordParts() {}

  /** The {@code location} object: city, state, country and coordinates. */
  public static void writeLocation(JsonGenerator json, City city, String country)
      throws IOException {
    json.writeObjectFieldStart("location");
    json.writeStringField("city", city.name());
    json.writeStringField("state", city.state());
    json.writeStringField("countryOrRegion", country);
    json.writeObjectFieldStart("geoCoordinates");
    json.writeNumberField("latitude", city.latitude());
    json.writeNumberField("longitude", city.longitude());
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The {@code authenticationDetails} array of an interactive (MFA) or a silent sign-in. */
  public static void writeAuthenticationDetails(
      JsonGenerator json, boolean interactive, String created) throws IOException {
    json.writeArrayFieldStart("authenticationDetails");
    if (interactive) {
      authenticationStep(json, created, "Password", "Primary authentication", "Correct password");
      authenticationStep(
          json,
          created,
          "Mobile app notification",
          "Multi-factor authentication",
          "MFA successfully completed");
    } else {
      authenticationStep(
          json,
          created,
          "Previously satisfied",
          "Primary authentication",
          "First factor requirement satisfied by claim in the token");
    }
    json.writeEndArray();
  }

  private static void authenticationStep(
      JsonGenerator json, String at, String method, String requirement, String detail)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("authenticationStepDateTime", at);
    json.writeStringField("authenticationMethod", method);
    json.writeStringField("authenticationStepRequirement", requirement);
    json.writeStringField("authenticationStepResultDetail", detail);
    json.writeBooleanField("succeeded", true);
    json.writeEndObject();
  }
}
