package io.stormwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stormwatch.cli.demo.DemoCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EnvironmentDefaultsTest {

  @Test
  void takesAnOptionFromTheEnvironmentUnlessTheCommandLineGivesIt() {
    var env = Map.of("STORMWATCH_DEMO_TENANTS", "9", "STORMWATCH_SEED", "7");

    DemoCommand fromEnv = parse(env);
    DemoCommand fromArgs = parse(env, "--tenants", "2");

    assertThat(fromEnv).extracting("simulation.tenants", "simulation.seed").containsExactly(9, 7L);
    assertThat(fromArgs).extracting("simulation.tenants").isEqualTo(2);
  }

  @Test
  void fallsBackToTheDeclaredDefault() {
    assertThat(parse(Map.of()))
        .extracting("simulation.tenants", "simulation.seed")
        .containsExactly(5, 42L);
  }

  private static DemoCommand parse(Map<String, String> env, String... args) {
    DemoCommand demo = new DemoCommand();
    CommandLine cli = new CommandLine(demo);
    cli.setDefaultValueProvider(new EnvironmentDefaults(env));
    cli.parseArgs(args);
    return demo;
  }
}
