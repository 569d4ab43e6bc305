package io.stormwatch.cli.replay;

import io.stormwatch.cli.console.ProgressBar;
import io.stormwatch.traffic.replay.ReplayProgress;

/** Shows a replay's progress on standard error: records read and sorted, then records sent. */
public final class ReplayProgressBars implements ReplayProgress {

  private ProgressBar reading;
  private ProgressBar sending;

  @Override
  public void read(long records) {
    // Created on first use, so that its rate counts from when reading began.
    if (reading == null) {
      reading = ProgressBar.onStderr("reading", 0, "rec");
    }
    reading.update(records);
  }

  @Override
  public void sendingStarts(long total) {
    if (reading != null) {
      reading.finish();
    }
    sending = ProgressBar.onStderr("sending", total, "rec");
  }

  @Override
  public void sent(long records) {
    if (sending != null) {
      sending.update(records);
    }
  }

  /** Ends the sending bar's line. */
  public void finish() {
    if (sending != null) {
      sending.finish();
    }
  }
}
