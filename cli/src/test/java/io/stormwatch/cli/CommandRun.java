package io.stormwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of a command in this JVM, as {@code stormwatch} would run it, with what it printed.
 *
 * @param exitCode the exit code the process would end with
 * @param out what it printed for people
 * @param err usage errors and failures
 */
public record CommandRun(int exitCode, String out, String err) {

  /** Runs {@code command} with {@code args}; options do not come from the environment. */
  public static CommandRun of(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exitCode = cli.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n" + out + err;
  }
}
