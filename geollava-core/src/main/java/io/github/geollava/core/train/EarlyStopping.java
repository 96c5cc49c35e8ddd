package io.github.geollava.core.train;

/**
 * Stops a run when the validation loss has not improved by at least {@code minDelta} for
 * {@code patience} validations in a row.
 */
public final class EarlyStopping implements TrainingListener {

  private final int patience;
  private final double minDelta;
  private double best = Double.POSITIVE_INFINITY;
  private int stale;

  /**
   * Creates the listener.
   *
   * @param patience validations without improvement tolerated, at least 1
   * @param minDelta the smallest decrease that counts as an improvement, at least 0
   */
  public EarlyStopping(int patience, double minDelta) {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1, found " + patience);
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("minDelta must be >= 0, found " + minDelta);
    }
    this.patience = patience;
    this.minDelta = minDelta;
  }

  @Override
  public void onValidation(ValidationStats stats, TrainingControl control) {
    if (stats.loss() < best - minDelta) {
      best = stats.loss();
      stale = 0;
    } else if (++stale >= patience) {
      control.requestStop(String.format(java.util.Locale.ROOT,
          "validation loss %.4f has not improved on %.4f for %d validations", stats.loss(), best, stale));
    }
  }

  /** The best validation loss seen, or +infinity. */
  public double best() {
    return best;
  }
}
