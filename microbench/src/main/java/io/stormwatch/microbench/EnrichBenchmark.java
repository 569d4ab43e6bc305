package io.stormwatch.microbench;

import io.stormwatch.ipintel.Network;
import java.util.Optional;
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

/** Enrich: the ASN, organisation and country of a client IP from the bundled IP database. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EnrichBenchmark {

  private SampleData data;
  private int next;

  @Setup
  public void generate() {
    data = new SampleData();
  }

  @Benchmark
  public Optional<Network> lookup() {
    String ip = data.clientIps[next];
    next = (next + 1) % data.clientIps.length;
    return data.ipIntelligence.lookup(ip);
  }
}
