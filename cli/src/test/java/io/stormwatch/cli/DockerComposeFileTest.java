package io.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.stormwatch.detector.config.ConfigSources;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docker-compose.yml at the project's top level: valid under the Compose Specification's schema, at
 * the versions the build tests, a single-node broker set up for it, and Stormwatch services
 * configured only with settings and options that exist.
 */
class DockerComposeFileTest {

  private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
  private static final String STORMWATCH_IMAGE = "stormwatch/stormwatch";
  private static final String REGISTRY_API = "http://schema-registry:8080/apis/ccompat/v7";
  private static final Pattern WITH_DEFAULT = Pattern.compile("\\$\\{[A-Z0-9_]+:-([^}]*)}");

  private final JsonNode compose = read(COMPOSE_FILE);

  @Test
  void conformsToTheComposeSpecification() {
    // Loaded by location: the schema's relative $id resolves against it.
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));

    Set<ValidationMessage> problems = schema.validate(compose);

    assertThat(problems).as("docker-compose.yml against compose-spec.json").isEmpty();
  }

  @Test
  void runsTheKafkaAndRegistryVersionsTheBuildTests() {
    assertThat(image("kafka")).isEqualTo("apache/kafka:" + buildProperty("kafka.version"));
    assertThat(image("schema-registry"))
        .isEqualTo("apicurio/apicurio-registry-mem:" + buildProperty("apicurio-registry.version"));
  }

  @Test
  void aSingleNodeBrokerKeepsItsInternalTopicsAtReplicationFactorOne() {
    Map<String, String> kafka = environment("kafka");

    assertThat(kafka)
        .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
        .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
        .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "1");
    assertThat(kafka.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka:9093");
    assertThat(environment("topic-init")).containsEntry("STORMWATCH_TOPIC_REPLICATION_FACTOR", "1");
  }

  @Test
  void theDetectorAndKafkaUiUseTheRegistry() {
    assertThat(environment("detector"))
        .containsEntry("STORMWATCH_SCHEMA_REGISTRY_URL", REGISTRY_API);
    assertThat(environment("kafka-ui"))
        .containsEntry("KAFKA_CLUSTERS_0_SCHEMAREGISTRY", REGISTRY_API);
  }

  @Test
  void stormwatchServicesUseOnlySettingsAndOptionsThatExist() {
    List<String> stormwatchServices = new ArrayList<>();
    compose
        .get("services")
        .fields()
        .forEachRemaining(
            service -> {
              if (service.getValue().path("image").asText().contains(STORMWATCH_IMAGE)) {
                stormwatchServices.add(service.getKey());
              }
            });
    assertThat(stormwatchServices).contains("topic-init", "detector", "simulator");

    for (String service : stormwatchServices) {
      List<String> command = new ArrayList<>();
      compose.at("/services/" + service + "/command").forEach(arg -> command.add(arg.asText()));
      CommandLine cli = StormwatchCli.commandLine();
      // An unknown command or option fails here, as it would in the container.
      cli.parseArgs(command.toArray(String[]::new));
      CommandLine subcommand = cli.getSubcommands().get(command.get(0));
      Map<String, String> environment = environment(service);
      for (String variable : environment.keySet()) {
        boolean setting = !ConfigSources.fromEnvironment(Map.of(variable, "x")).isEmpty();
        boolean option =
            subcommand.getCommandSpec().options().stream()
                .map(EnvironmentDefaults::variablesOf)
                .anyMatch(variables -> variables.contains(variable));
        assertThat(setting || option)
            .as(
                "%s of service %s is neither a Stormwatch setting nor an option of '%s'",
                variable, service, command.get(0))
            .isTrue();
      }
      // Setting values with their defaults filled in pass the configuration's validation.
      ConfigSources.load(null, environment, Map.of());
    }
  }

  @Test
  void dockerComposeAcceptsTheFile() throws Exception {
    Assumptions.assumeTrue(
        onPath("docker-compose"),
        "docker-compose is not installed (Debian package docker-compose): 'docker-compose"
            + " config' skipped; the schema check above still ran");
    Process process =
        new ProcessBuilder("docker-compose", "-f", COMPOSE_FILE.toString(), "config", "-q")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private String image(String service) {
    return compose.at("/services/" + service + "/image").asText();
  }

  /** The service's environment, with {@code ${VAR:-default}} read as its default. */
  private Map<String, String> environment(String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    compose
        .at("/services/" + service + "/environment")
        .fields()
        .forEachRemaining(
            entry -> {
              Matcher m = WITH_DEFAULT.matcher(entry.getValue().asText());
              environment.put(
                  entry.getKey(), m.replaceAll(r -> Matcher.quoteReplacement(r.group(1))));
            });
    return environment;
  }

  private static String buildProperty(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s, set by the build", name).isNotBlank();
    return value;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
    }
  }
}
