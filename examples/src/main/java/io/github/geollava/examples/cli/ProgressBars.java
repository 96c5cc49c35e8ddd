package io.github.geollava.examples.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The command line's progress bars: ASCII, redrawn in place on the command's stderr, 4 times a second. */
public final class ProgressBars {

  private ProgressBars() {}

  /**
   * A builder for a bar drawn on {@code err}; add options and {@code build()} it.
   *
   * @param err the command's error writer
   * @param task the label
   * @param total the number of steps
   * @return the builder
   */
  public static ProgressBarBuilder builder(PrintWriter err, String task, long total) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .setConsumer(new DelegatingProgressBarConsumer(s -> {
          err.print('\r');
          err.print(s);
          err.flush();
        }));
  }

  /**
   * A bar drawn on {@code err}.
   *
   * @param err the command's error writer
   * @param task the label
   * @param total the number of steps
   * @return the bar; close it
   */
  public static ProgressBar start(PrintWriter err, String task, long total) {
    return builder(err, task, total).build();
  }
}
