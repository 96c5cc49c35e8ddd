package io.github.geollava.examples.demo;

/**
 * The sizes of a demo run. {@link #DEFAULT} fits in about ten minutes on two cores, {@link #QUICK} in
 * about one, {@link #TINY} (tests) in about 15 seconds.
 *
 * @param locations synthetic locations (80 % train, 20 % held-out test)
 * @param imageSize synthetic image size in pixels
 * @param model the model's widths and depths
 * @param pretrainEpochs epochs of the base's pre-training on single-image scene descriptions
 * @param pretrainLr its peak learning rate
 * @param finetuneEpochs epochs of each fine-tune on change captions
 * @param finetuneLr their peak learning rate
 * @param batchSize examples per step
 * @param evalPairs held-out pairs captioned and scored per variant (0 = all)
 * @param maxNewTokens answer length cap when captioning
 */
public record DemoSettings(
    int locations,
    int imageSize,
    DemoModels.Size model,
    int pretrainEpochs,
    double pretrainLr,
    int finetuneEpochs,
    double finetuneLr,
    int batchSize,
    int evalPairs,
    int maxNewTokens) {

  /** The README's demo. */
  public static final DemoSettings DEFAULT =
      new DemoSettings(300, 224, DemoModels.Size.DEFAULT, 10, 3e-3, 3, 6e-3, 8, 0, 200);

  /** {@code --quick}. */
  public static final DemoSettings QUICK =
      new DemoSettings(120, 128, DemoModels.Size.QUICK, 4, 4e-3, 2, 6e-3, 8, 16, 200);

  /** The end-to-end test's size. */
  public static final DemoSettings TINY =
      new DemoSettings(60, 64, DemoModels.Size.QUICK, 3, 4e-3, 2, 6e-3, 8, 8, 160);

  /** Validates the sizes. */
  public DemoSettings {
    if (locations < 10) {
      throw new IllegalArgumentException("locations must be >= 10, found " + locations);
    }
    if (pretrainEpochs < 1 || finetuneEpochs < 1 || batchSize < 1 || evalPairs < 0 || maxNewTokens < 1) {
      throw new IllegalArgumentException("epochs, batch size and maxNewTokens must be >= 1 and evalPairs >= 0: "
          + this);
    }
  }

  /** A copy with another location count. */
  public DemoSettings withLocations(int n) {
    return new DemoSettings(n, imageSize, model, pretrainEpochs, pretrainLr, finetuneEpochs, finetuneLr,
        batchSize, evalPairs, maxNewTokens);
  }
}
