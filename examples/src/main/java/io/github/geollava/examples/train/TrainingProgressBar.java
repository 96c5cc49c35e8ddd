package io.github.geollava.examples.train;

import io.github.geollava.core.train.ProgressLogger;
import io.github.geollava.examples.cli.ProgressBars;
import io.github.geollava.core.train.StepStats;
import io.github.geollava.core.train.TrainingControl;
import io.github.geollava.core.train.TrainingListener;
import io.github.geollava.core.train.TrainingResult;
import io.github.geollava.core.train.ValidationStats;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/** A terminal progress bar for a training run: steps, loss, last validation loss, tokens/s and ETA. */
public final class TrainingProgressBar implements TrainingListener, AutoCloseable {

  private final PrintWriter err;
  private final String task;
  private ProgressBar bar;
  private String validation = "";

  /**
   * Creates the bar; it appears at the run's start.
   *
   * @param err where to draw (the command's stderr)
   * @param task the label, e.g. {@code LoRA}
   */
  public TrainingProgressBar(PrintWriter err, String task) {
    this.err = err;
    this.task = task;
  }

  @Override
  public void onStart(long totalSteps, long startStep) {
    bar = ProgressBars.builder(err, task, totalSteps)
        .startsFrom(startStep, java.time.Duration.ZERO)
        .build();
  }

  @Override
  public void afterStep(StepStats s, TrainingControl control) {
    if (bar != null) {
      bar.stepTo(s.step());
      bar.setExtraMessage(String.format(Locale.ROOT, " loss %.3f%s %,.0f tok/s ETA %s", s.loss(), validation,
          s.tokensPerSecond(), ProgressLogger.duration(s.etaSeconds())));
    }
  }

  @Override
  public void onValidation(ValidationStats v, TrainingControl control) {
    validation = String.format(Locale.ROOT, " val %.3f", v.loss());
  }

  @Override
  public void onEnd(TrainingResult result) {
    close();
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
      err.println();
      err.flush();
    }
  }
}
