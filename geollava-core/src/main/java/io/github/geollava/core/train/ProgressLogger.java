package io.github.geollava.core.train;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs progress through SLF4J at most once per interval: step, epoch, loss, learning rate, tokens/s and
 * ETA; validations always. Command lines show a progress bar instead; libraries and servers get this.
 */
public final class ProgressLogger implements TrainingListener {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressLogger.class);

  private final long intervalNanos;
  private long last = Long.MIN_VALUE;

  /**
   * Creates the logger.
   *
   * @param intervalSeconds seconds between two step lines, at least 0
   */
  public ProgressLogger(double intervalSeconds) {
    if (!(intervalSeconds >= 0)) {
      throw new IllegalArgumentException("intervalSeconds must be >= 0, found " + intervalSeconds);
    }
    this.intervalNanos = (long) (intervalSeconds * 1e9);
  }

  @Override
  public void afterStep(StepStats s, TrainingControl control) {
    long now = System.nanoTime();
    if (last != Long.MIN_VALUE && now - last < intervalNanos && s.step() < s.totalSteps()) {
      return;
    }
    last = now;
    LOG.info(line(s));
  }

  @Override
  public void onValidation(ValidationStats v, TrainingControl control) {
    LOG.info(String.format(Locale.ROOT, "step %d (epoch %.2f): validation loss %.4f on %d examples",
        v.step(), v.epoch(), v.loss(), v.examples()));
  }

  /** One human line for a step: {@code step 40/200 epoch 0.80 loss 1.2345 lr 1.0e-04 1,234 tok/s ETA 2m05s}. */
  public static String line(StepStats s) {
    return String.format(Locale.ROOT, "step %d/%d epoch %.2f loss %.4f lr %.2e %,.0f tok/s ETA %s",
        s.step(), s.totalSteps(), s.epoch(), s.loss(), s.learningRate(), s.tokensPerSecond(),
        duration(s.etaSeconds()));
  }

  /** Formats seconds as {@code 1h02m}, {@code 2m05s} or {@code 7s}. */
  public static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    long s = Math.round(seconds);
    long h = TimeUnit.SECONDS.toHours(s);
    long m = TimeUnit.SECONDS.toMinutes(s) % 60;
    long sec = s % 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%dh%02dm", h, m);
    }
    return m > 0 ? String.format(Locale.ROOT, "%dm%02ds", m, sec) : sec + "s";
  }
}
