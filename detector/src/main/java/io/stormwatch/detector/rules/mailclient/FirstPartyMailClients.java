package io.stormwatch.detector.rules.mailclient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Microsoft's own mail clients, shipped as {@code first-party-mail-clients.txt}: never unusual. */
public final class FirstPartyMailClients {

  private static final String RESOURCE = "first-party-mail-clients.txt";

  private FirstPartyMailClients() {}

  /** Client application id (lower case) to name. */
  public static Map<String, String> load() {
    try (InputStream in = FirstPartyMailClients.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Map<String, String> clients = new TreeMap<>();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] idAndName = trimmed.split("\\s+", 2);
        clients.put(
            idAndName[0].toLowerCase(Locale.ROOT), idAndName.length > 1 ? idAndName[1] : "");
      }
      return clients;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
