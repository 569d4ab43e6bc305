package io.stormwatch.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.AuthenticationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that the cluster refused to let in (wrong SCRAM password, unknown user, a server
 * certificate the truststore does not trust) ends with one message saying so and which settings to
 * check, exit code 1, instead of a stack trace. Every other failure is left to picocli.
 */
final class AuthenticationFailureHandler implements IExecutionExceptionHandler {

  static final int EXIT_CODE = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult)
      throws Exception {
    AuthenticationException refusal = authenticationFailureIn(e);
    if (refusal == null) {
      throw e;
    }
    command
        .getErr()
        .printf(
            "%s: the Kafka cluster refused the connection: %s%n"
                + "Check kafka.security.protocol, kafka.sasl.mechanism, kafka.sasl.jaas.config"
                + " (user and password) and kafka.ssl.truststore.* (see 'Secure clusters' in the"
                + " README).%n",
            command.getCommandName(), messages(refusal));
    command.getErr().flush();
    return EXIT_CODE;
  }

  private static AuthenticationException authenticationFailureIn(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthenticationException refusal) {
        return refusal;
      }
    }
    return null;
  }

  /** The refusal's message and its causes', e.g. an SSL handshake failure and why. */
  private static String messages(Throwable refusal) {
    List<String> messages = new ArrayList<>();
    for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !message.isBlank() && !messages.contains(message)) {
        messages.add(message);
      }
    }
    return String.join(": ", messages);
  }
}
