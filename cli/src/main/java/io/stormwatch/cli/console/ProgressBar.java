package io.stormwatch.cli.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar with count, rate and ETA, redrawn in place on a terminal; without a
 * terminal (CI logs) it prints a plain line every few seconds instead. With a total of 0 (not known
 * yet) it shows the count and the rate only.
 */
public final class ProgressBar {

  private static final int WIDTH = 28;
  private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();
  private static final long PLAIN_LINE_NANOS = Duration.ofSeconds(5).toNanos();

  private final PrintStream out;
  private final String label;
  private final long total;
  private final String unit;
  private final boolean interactive;
  private final long startNanos = System.nanoTime();
  private long lastDrawNanos;
  private long done;

  public ProgressBar(PrintStream out, String label, long total, String unit, boolean interactive) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.unit = unit;
    this.interactive = interactive;
  }

  /** A bar drawn on standard error, in place when a terminal is attached. */
  public static ProgressBar onStderr(String label, long total, String unit) {
    return new ProgressBar(System.err, label, total, unit, System.console() != null);
  }

  public void update(long doneSoFar) {
    this.done = doneSoFar;
    long now = System.nanoTime();
    if (now - lastDrawNanos >= (interactive ? REDRAW_NANOS : PLAIN_LINE_NANOS)) {
      lastDrawNanos = now;
      draw(now, false);
    }
  }

  /** Draws the final state and ends the line. */
  public void finish() {
    draw(System.nanoTime(), true);
  }

  private void draw(long now, boolean last) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    double rate = done / seconds;
    if (total <= 0) {
      drawWithoutTotal(seconds, rate, last);
      return;
    }
    double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    String eta =
        last || rate <= 0 || total <= 0
            ? ""
            : " ETA " + clock(Duration.ofMillis((long) ((total - done) / rate * 1000)));
    String line =
        String.format(
            Locale.ROOT,
            "%-14s [%s%s] %3.0f%% %,d/%,d %s  %,.0f %s/s  %s%s",
            label,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            fraction * 100,
            done,
            total,
            unit,
            rate,
            unit,
            clock(Duration.ofMillis((long) (seconds * 1000))),
            eta);
    if (interactive) {
      out.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** While the total is not known yet: the count and the rate, no bar and no ETA. */
  private void drawWithoutTotal(double seconds, double rate, boolean last) {
    String line =
        String.format(
            Locale.ROOT,
            "%-14s %,d %s  %,.0f %s/s  %s",
            label,
            done,
            unit,
            rate,
            unit,
            clock(Duration.ofMillis((long) (seconds * 1000))));
    if (interactive) {
      out.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
