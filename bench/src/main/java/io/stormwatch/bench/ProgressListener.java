package io.stormwatch.bench;

/**
 * Told about long-running steps of a run, so that a command can draw progress bars; the harness
 * itself prints nothing.
 */
public interface ProgressListener {

  /** Ignores all progress. */
  ProgressListener NONE = (label, total, unit) -> Progress.NONE;

  /**
   * A step begins.
   *
   * @param label what is being done, a few words
   * @param total how many units the step will have done when it ends
   * @param unit what is counted, e.g. {@code "rec"}
   */
  Progress begin(String label, long total, String unit);

  /** One step's progress; called from one thread at a time. */
  interface Progress {

    Progress NONE =
        new Progress() {
          @Override
          public void update(long done) {}

          @Override
          public void finish() {}
        };

    /** Units done so far. */
    void update(long done);

    /** The step has ended. */
    void finish();
  }

  /** A line of information for the person running the benchmark (e.g. what a phase is doing). */
  default void note(String line) {}
}
