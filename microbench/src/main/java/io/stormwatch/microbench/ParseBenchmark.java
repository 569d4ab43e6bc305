package io.stormwatch.microbench;

import io.stormwatch.formats.EntraSignInParser;
import io.stormwatch.formats.ParseResult;
import io.stormwatch.formats.UnifiedAuditLogParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse: one raw record (simulated MailItemsAccessed UAL record, ~2 KB, or Entra sign-in diagnostic
 * record) into a normalised event, as the normaliser does for every record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ParseBenchmark {

  private SampleData data;
  private final UnifiedAuditLogParser ual = new UnifiedAuditLogParser();
  private final EntraSignInParser signIn = new EntraSignInParser();
  private int nextUal;
  private int nextSignIn;

  @Setup
  public void generate() {
    data = new SampleData();
  }

  @Benchmark
  public List<ParseResult> unifiedAuditLogRecord() {
    byte[] record = data.ualRecords[nextUal];
    nextUal = (nextUal + 1) % data.ualRecords.length;
    return ual.parse(record);
  }

  @Benchmark
  public List<ParseResult> entraSignInRecord() {
    byte[] record = data.signInRecords[nextSignIn];
    nextSignIn = (nextSignIn + 1) % data.signInRecords.length;
    return signIn.parse(record);
  }
}
