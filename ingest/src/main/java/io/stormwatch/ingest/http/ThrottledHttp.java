package io.stormwatch.ingest.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests and repeats those the server throttled (429) or failed transiently (500, 502, 503,
 * 504, or an I/O error), waiting as {@link RetryPolicy} says. Thread-safe.
 */
public final class ThrottledHttp {

  private static final Logger log = LoggerFactory.getLogger(ThrottledHttp.class);

  private final HttpClient client;
  private final RetryPolicy policy;
  private final Pause pause;
  private final RandomGenerator random;
  private final Clock clock;
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();

  public ThrottledHttp(
      HttpClient client, RetryPolicy policy, Pause pause, RandomGenerator random, Clock clock) {
    this.client = client;
    this.policy = policy;
    this.pause = pause;
    this.random = random;
    this.clock = clock;
  }

  /**
   * Sends {@code request}, retrying throttled and transient failures.
   *
   * @return the first response that is neither, or the last one once the retries are spent
   * @throws IOException if the last attempt failed without a response
   * @throws IngestStoppedException if a stop was asked for while waiting to retry
   */
  public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    for (int retry = 1; ; retry++) {
      HttpResponse<byte[]> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (retry > policy.maxRetries()) {
          throw e;
        }
        waitBeforeRetry(retry, Optional.empty(), request, e.toString());
        continue;
      }
      int status = response.statusCode();
      if (status == 429) {
        throttled.incrementAndGet();
      }
      if (!isRetriable(status) || retry > policy.maxRetries()) {
        return response;
      }
      waitBeforeRetry(retry, retryAfter(response), request, "HTTP " + status);
    }
  }

  /** Responses with status 429 received so far. */
  public long throttledResponses() {
    return throttled.get();
  }

  /** Requests repeated so far, for any reason. */
  public long retries() {
    return retried.get();
  }

  static boolean isRetriable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private void waitBeforeRetry(
      int retry, Optional<Duration> retryAfter, HttpRequest request, String why)
      throws InterruptedException {
    Duration wait = policy.backoff(retry, retryAfter, random);
    retried.incrementAndGet();
    log.info(
        "{} {} {}: retry {} of {} in {} ms",
        request.method(),
        request.uri().getPath(),
        why,
        retry,
        policy.maxRetries(),
        wait.toMillis());
    if (!pause.waitFor(wait)) {
      throw new IngestStoppedException();
    }
  }

  /** Retry-After as delta-seconds or an HTTP date; absent when missing or unreadable. */
  Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
  }

  Optional<Duration> parseRetryAfter(String value) {
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return Optional.of(Duration.ofSeconds(Math.max(seconds, 0)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
