package io.stormwatch.detector.ocsf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A checker of OCSF events built from the OCSF schema's own source files (bundled under {@code
 * /ocsf/<version>/}, see ATTRIBUTION.txt there), resolved the way the schema compiler resolves
 * them: a class or object extends its parent and includes its profiles, each attribute takes its
 * type, enum and sibling from the dictionary and its requirement from the class.
 *
 * <p>It reports: a required attribute missing; an attribute the class or object does not define
 * (anywhere but inside {@code unmapped}); an attribute of a profile the event does not declare in
 * {@code metadata.profiles}; a deprecated attribute; a value of the wrong JSON type, outside its
 * data type's pattern, length or range, or not in its enum; a sibling caption that disagrees with
 * its id; an {@code at_least_one}/{@code just_one} constraint broken; class, category and type ids
 * and names that do not add up; an observable whose name points nowhere, whose value is not there,
 * or whose type id is not the observable type of the attribute it points at.
 */
public final class OcsfSchema {

  /** The class path of the Detection Finding class in the schema's source. */
  public static final String DETECTION_FINDING = "events/findings/detection_finding";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int OTHER = 99;

  private final String root;
  private final JsonNode dictionaryAttributes;
  private final JsonNode types;
  private final JsonNode categories;
  private final Map<String, ObjectNode> resolvedObjects = new HashMap<>();
  private final Map<Integer, String> observableTypeCaptions = new HashMap<>();

  private OcsfSchema(String version) {
    this.root = "/ocsf/" + version + "/";
    JsonNode dictionary = file("dictionary.json");
    this.dictionaryAttributes = dictionary.path("attributes");
    this.types = dictionary.path("types").path("attributes");
    this.categories = file("categories.json").path("attributes");
    types
        .fields()
        .forEachRemaining(
            t -> {
              if (t.getValue().has("observable")) {
                observableTypeCaptions.put(
                    t.getValue().get("observable").asInt(), t.getValue().get("caption").asText());
              }
            });
  }

  /** The bundled schema of OCSF {@code version}. */
  public static OcsfSchema of(String version) {
    return new OcsfSchema(version);
  }

  /**
   * What is wrong with {@code event} as an instance of the event class at {@code classPath} (e.g.
   * {@code events/findings/detection_finding}); empty when nothing is.
   */
  public List<String> violations(String classPath, JsonNode event) {
    List<String> violations = new ArrayList<>();
    ObjectNode eventClass = resolveClass(classPath);
    Set<String> profiles = new HashSet<>();
    event.path("metadata").path("profiles").forEach(p -> profiles.add(p.asText()));
    checkClassification(eventClass, event, violations);
    checkObject("", event, eventClass, profiles, violations);
    checkObservables(event, eventClass, violations);
    return violations;
  }

  private void checkClassification(ObjectNode eventClass, JsonNode event, List<String> out) {
    JsonNode category = categories.path(eventClass.path("category").asText());
    int categoryUid = category.path("uid").asInt();
    int classUid = categoryUid * 1000 + eventClass.path("uid").asInt();
    String classCaption = eventClass.path("caption").asText();
    expect(out, "category_uid", event.path("category_uid").asInt(-1), categoryUid);
    expect(out, "class_uid", event.path("class_uid").asInt(-1), classUid);
    long activityId = event.path("activity_id").asLong(-1);
    expect(out, "type_uid", event.path("type_uid").asLong(-1), classUid * 100L + activityId);
    expectCaption(out, event, "category_name", category.path("caption").asText());
    expectCaption(out, event, "class_name", classCaption);
    String activityCaption =
        eventClass
            .path("attributes")
            .path("activity_id")
            .path("enum")
            .path(Long.toString(activityId))
            .path("caption")
            .asText();
    if (activityId != OTHER) {
      expectCaption(out, event, "type_name", classCaption + ": " + activityCaption);
    }
  }

  private void checkObject(
      String path, JsonNode node, ObjectNode definition, Set<String> profiles, List<String> out) {
    if (!node.isObject()) {
      out.add(at(path) + " must be an object, is " + node.getNodeType());
      return;
    }
    JsonNode attributes = definition.path("attributes");
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String name = field.getKey();
      String fieldPath = join(path, name);
      JsonNode attribute = attributes.path(name);
      if (attribute.isMissingNode()) {
        out.add(fieldPath + " is not an attribute of " + definition.path("name").asText());
        continue;
      }
      String profile = attribute.path("profile").asText(null);
      if (profile != null && !profiles.contains(profile)) {
        out.add(fieldPath + " belongs to profile " + profile + ", not in metadata.profiles");
      }
      if (attribute.has("@deprecated")) {
        out.add(fieldPath + " is deprecated: " + attribute.path("@deprecated").path("message"));
      }
      checkValue(fieldPath, field.getValue(), attribute, profiles, out);
    }
    attributes
        .fields()
        .forEachRemaining(
            a -> {
              JsonNode attribute = a.getValue();
              String profile = attribute.path("profile").asText(null);
              boolean applies = profile == null || profiles.contains(profile);
              if (applies
                  && "required".equals(attribute.path("requirement").asText())
                  && (!node.has(a.getKey()) || node.get(a.getKey()).isNull())) {
                out.add(join(path, a.getKey()) + " is required");
              }
              checkSibling(path, node, a.getKey(), attribute, out);
            });
    checkConstraints(path, node, definition.path("constraints"), out);
  }

  private void checkValue(
      String path, JsonNode value, JsonNode attribute, Set<String> profiles, List<String> out) {
    if (attribute.path("is_array").asBoolean()) {
      if (!value.isArray()) {
        out.add(path + " must be an array");
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        checkSingle(path + "[" + i + "]", value.get(i), attribute, profiles, out);
      }
    } else {
      checkSingle(path, value, attribute, profiles, out);
    }
  }

  private void checkSingle(
      String path, JsonNode value, JsonNode attribute, Set<String> profiles, List<String> out) {
    String type = attribute.path("type").asText();
    if (type.equals("object")) {
      if (!value.isObject()) {
        out.add(path + " must be an object");
      }
      return; // free-form, e.g. unmapped
    }
    if (!type.endsWith("_t")) {
      checkObject(path, value, resolveObject(type), profiles, out);
      return;
    }
    checkDataType(path, value, type, out);
    JsonNode enumeration = attribute.path("enum");
    if (enumeration.isObject() && !enumeration.has(value.asText())) {
      out.add(path + " = " + value + " is not in its enum " + names(enumeration));
    }
  }

  private void checkDataType(String path, JsonNode value, String type, List<String> out) {
    JsonNode dataType = types.path(type);
    if (dataType.isMissingNode()) {
      out.add(path + " has unknown data type " + type);
      return;
    }
    String base = dataType.has("type") ? dataType.get("type").asText() : type;
    boolean shapeOk =
        switch (base) {
          case "string_t" -> value.isTextual();
          case "integer_t" -> value.isIntegralNumber() && value.canConvertToInt();
          case "long_t" -> value.isIntegralNumber() && value.canConvertToLong();
          case "float_t" -> value.isNumber();
          case "boolean_t" -> value.isBoolean();
          case "json_t" -> true;
          default -> false;
        };
    if (!shapeOk) {
      out.add(path + " = " + value + " is not a " + type);
      return;
    }
    if (dataType.has("regex")
        && !Pattern.compile(dataType.get("regex").asText()).matcher(value.asText()).find()) {
      out.add(path + " = " + value + " does not match the pattern of " + type);
    }
    if (dataType.has("max_len") && value.asText().length() > dataType.get("max_len").asInt()) {
      out.add(path + " is longer than " + type + " allows");
    }
    JsonNode range = dataType.path("range");
    if (range.isArray()
        && (value.asLong() < range.get(0).asLong() || value.asLong() > range.get(1).asLong())) {
      out.add(path + " = " + value + " is outside the range of " + type);
    }
  }

  private void checkSibling(
      String path, JsonNode node, String name, JsonNode attribute, List<String> out) {
    String sibling = attribute.path("sibling").asText(null);
    if (sibling == null || !node.has(name) || !node.has(sibling)) {
      return;
    }
    String id = node.get(name).asText();
    JsonNode caption = attribute.path("enum").path(id).path("caption");
    if (!id.equals(Integer.toString(OTHER))
        && caption.isTextual()
        && !caption.asText().equals(node.get(sibling).asText())) {
      out.add(
          join(path, sibling)
              + " = "
              + node.get(sibling)
              + " but "
              + name
              + " "
              + id
              + " is "
              + caption);
    }
  }

  private static void checkConstraints(
      String path, JsonNode node, JsonNode constraints, List<String> out) {
    JsonNode atLeastOne = constraints.path("at_least_one");
    if (atLeastOne.isArray() && present(node, atLeastOne) == 0) {
      out.add(at(path) + " needs at least one of " + atLeastOne);
    }
    JsonNode justOne = constraints.path("just_one");
    if (justOne.isArray() && present(node, justOne) != 1) {
      out.add(at(path) + " needs exactly one of " + justOne);
    }
  }

  private static int present(JsonNode node, JsonNode names) {
    int count = 0;
    for (JsonNode name : names) {
      if (node.has(name.asText()) && !node.get(name.asText()).isNull()) {
        count++;
      }
    }
    return count;
  }

  /** Each observable's name must lead to its value, through an attribute of its type. */
  private void checkObservables(JsonNode event, ObjectNode eventClass, List<String> out) {
    JsonNode observables = event.path("observables");
    for (int i = 0; i < observables.size(); i++) {
      JsonNode observable = observables.get(i);
      String path = "observables[" + i + "]";
      String name = observable.path("name").asText();
      List<JsonNode> found = new ArrayList<>();
      collect(event, List.of(name.split("\\.")), 0, found);
      if (found.isEmpty()) {
        out.add(path + ".name " + name + " points at nothing in the event");
      } else if (observable.has("value")
          && found.stream().noneMatch(v -> v.asText().equals(observable.get("value").asText()))) {
        out.add(path + ".value " + observable.get("value") + " is not at " + name);
      }
      int typeId = observable.path("type_id").asInt();
      JsonNode attribute = attributeAt(eventClass, name);
      if (attribute == null) {
        out.add(path + ".name " + name + " is not an attribute path of the class");
        continue;
      }
      if (typeId != OTHER) {
        int expected = observableTypeOf(attribute);
        if (expected != typeId) {
          out.add(path + ".type_id " + typeId + " but " + name + " is observable type " + expected);
        }
      } else if (!observable.hasNonNull("type")) {
        out.add(path + " of type Other must say its type");
      }
    }
  }

  private static void collect(JsonNode node, List<String> steps, int step, List<JsonNode> out) {
    if (step == steps.size()) {
      out.add(node);
      return;
    }
    String name = steps.get(step);
    boolean each = name.endsWith("[]");
    JsonNode next = node.path(each ? name.substring(0, name.length() - 2) : name);
    if (each) {
      next.forEach(element -> collect(element, steps, step + 1, out));
    } else if (!next.isMissingNode()) {
      collect(next, steps, step + 1, out);
    }
  }

  private JsonNode attributeAt(ObjectNode eventClass, String dottedPath) {
    JsonNode definition = eventClass;
    JsonNode attribute = null;
    for (String step : dottedPath.split("\\.")) {
      String name = step.replace("[]", "");
      attribute = definition.path("attributes").path(name);
      if (attribute.isMissingNode()) {
        return null;
      }
      String type = attribute.path("type").asText();
      definition = type.endsWith("_t") || type.equals("object") ? null : resolveObject(type);
      if (definition == null) {
        definition = JSON.createObjectNode();
      }
    }
    return attribute;
  }

  private int observableTypeOf(JsonNode attribute) {
    if (attribute.has("observable")) {
      return attribute.get("observable").asInt();
    }
    String type = attribute.path("type").asText();
    if (type.endsWith("_t")) {
      return types.path(type).path("observable").asInt(-1);
    }
    return type.equals("object") ? -1 : resolveObject(type).path("observable").asInt(-1);
  }

  /** The class, its class and category ids fixed to its own as the compiler does. */
  private ObjectNode resolveClass(String classPath) {
    ObjectNode eventClass = resolve(classPath, "events/");
    JsonNode category = categories.path(eventClass.path("category").asText());
    int categoryUid = category.path("uid").asInt();
    ObjectNode attributes = (ObjectNode) eventClass.get("attributes");
    onlyValue(attributes, "category_uid", categoryUid, category.path("caption").asText());
    onlyValue(
        attributes,
        "class_uid",
        categoryUid * 1000 + eventClass.path("uid").asInt(),
        eventClass.path("caption").asText());
    return eventClass;
  }

  private static void onlyValue(ObjectNode attributes, String name, int id, String caption) {
    ObjectNode value = JSON.createObjectNode().put("caption", caption);
    ((ObjectNode) attributes.get(name)).set("enum", JSON.createObjectNode().set("" + id, value));
  }

  private ObjectNode resolveObject(String name) {
    return resolvedObjects.computeIfAbsent(
        name,
        n -> {
          ObjectNode object = resolve("objects/" + n, "objects/");
          if (n.equals("observable")) {
            addObservableTypes((ObjectNode) object.path("attributes").path("type_id").path("enum"));
          }
          return object;
        });
  }

  /**
   * The observable type ids, as the compiler gathers them: from data types, dictionary attributes
   * and objects (of the bundled files), each with its caption where it is a data type's.
   */
  private void addObservableTypes(ObjectNode enumeration) {
    observableTypeCaptions.forEach(
        (id, caption) -> enumeration.set("" + id, JSON.createObjectNode().put("caption", caption)));
    List<JsonNode> sources = new ArrayList<>();
    dictionaryAttributes.forEach(sources::add);
    for (String objectFile : bundledObjectFiles()) {
      JsonNode object = file("objects/" + objectFile);
      sources.add(object);
      object.path("attributes").forEach(sources::add);
    }
    for (JsonNode source : sources) {
      if (source.has("observable") && !enumeration.has(source.get("observable").asText())) {
        enumeration.set(source.get("observable").asText(), JSON.createObjectNode());
      }
    }
  }

  private List<String> bundledObjectFiles() {
    try (var files = Files.list(Path.of(getClass().getResource(root + "objects").toURI()))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A class or object with its parents' and profiles' attributes merged in, each attribute
   * completed from the dictionary (type, enum, sibling) under the definition's own settings.
   */
  private ObjectNode resolve(String path, String kind) {
    ObjectNode own = (ObjectNode) file(path + ".json").deepCopy();
    ObjectNode resolved;
    if (own.has("extends")) {
      String parent = own.get("extends").asText();
      String parentPath =
          kind.equals("objects/") ? "objects/" + parent : findClassPath(path, parent);
      resolved = resolve(parentPath, kind).deepCopy();
    } else {
      resolved = JSON.createObjectNode();
      resolved.set("attributes", JSON.createObjectNode());
    }
    ObjectNode ownAttributes = (ObjectNode) own.path("attributes");
    JsonNode includes = ownAttributes.remove("$include");
    ObjectNode attributes = (ObjectNode) resolved.get("attributes");
    if (includes != null) {
      for (JsonNode include : includes) {
        JsonNode profile = file(include.asText());
        String profileName = profile.path("name").asText();
        profile
            .path("attributes")
            .fields()
            .forEachRemaining(
                a -> {
                  ObjectNode attribute = a.getValue().deepCopy();
                  attribute.put("profile", profileName);
                  merge(attributes, a.getKey(), attribute);
                });
      }
    }
    ownAttributes.fields().forEachRemaining(a -> merge(attributes, a.getKey(), a.getValue()));
    own.remove("attributes");
    own.remove("extends");
    resolved.setAll(own);
    resolved.set("attributes", attributes);
    return resolved;
  }

  /** Merges {@code override} into the attribute {@code name}, starting from the dictionary's. */
  private void merge(ObjectNode attributes, String name, JsonNode override) {
    ObjectNode base =
        attributes.has(name)
            ? (ObjectNode) attributes.get(name)
            : dictionaryAttributes.has(name)
                ? dictionaryAttributes.get(name).deepCopy()
                : JSON.createObjectNode();
    deepMerge(base, override);
    attributes.set(name, base);
  }

  private static void deepMerge(ObjectNode target, JsonNode source) {
    source
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode existing = target.get(e.getKey());
              if (existing instanceof ObjectNode existingObject && e.getValue().isObject()) {
                deepMerge(existingObject, e.getValue());
              } else {
                target.set(e.getKey(), e.getValue().deepCopy());
              }
            });
  }

  /** Classes extend classes in their own or a parent folder (finding extends base_event). */
  private String findClassPath(String childPath, String parent) {
    String folder = childPath.substring(0, childPath.lastIndexOf('/') + 1);
    while (!folder.isEmpty()) {
      if (getClass().getResource(root + folder + parent + ".json") != null) {
        return folder + parent;
      }
      folder = folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1);
    }
    throw new IllegalStateException("class " + parent + " is not bundled under " + root);
  }

  private JsonNode file(String path) {
    try (InputStream in = getClass().getResourceAsStream(root + path)) {
      if (in == null) {
        throw new IllegalStateException(
            root + path + " is not bundled: copy it from the OCSF schema release");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expect(List<String> out, String name, long actual, long expected) {
    if (actual != expected) {
      out.add(name + " = " + actual + ", expected " + expected);
    }
  }

  private static void expectCaption(List<String> out, JsonNode node, String name, String caption) {
    if (node.has(name) && !node.get(name).asText().equals(caption)) {
      out.add(name + " = " + node.get(name) + ", expected \"" + caption + "\"");
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String at(String path) {
    return path.isEmpty() ? "the event" : path;
  }
}
