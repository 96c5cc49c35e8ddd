package io.github.geollava.core.train;

import java.util.Objects;

/**
 * Hyper-parameters of a fine-tuning run. Defaults follow GeoLLaVA and PyTorch: AdamW with learning rate
 * 1e-4, betas (0.9, 0.999), eps 1e-8 and weight decay 0.01 (not applied to biases and norm weights, as
 * Hugging Face's Trainer does); 3 % linear warmup then linear decay; gradients clipped to a global L2
 * norm of 1.0; batch 2; one epoch; validation every 0.2 epoch; answer-only labels.
 *
 * @param learningRate peak learning rate
 * @param weightDecay decoupled weight decay
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param epsilon AdamW epsilon
 * @param schedule the learning-rate schedule after warmup
 * @param warmupRatio share of all steps used for warmup, in [0, 1)
 * @param maxGradNorm global gradient-norm clip, or 0 for none
 * @param batchSize examples per forward pass
 * @param gradientAccumulation forward passes per optimizer step
 * @param epochs passes over the training set
 * @param maxLength most tokens per example (video tokens included)
 * @param overflow what to do with longer examples
 * @param labels which positions carry the loss
 * @param validationInterval validate every this fraction of an epoch (0.2 as in the paper), 0 for only
 *     at the end
 * @param checkpointEvery write a checkpoint every this many steps (0: at each validation and at the end)
 * @param keepCheckpoints how many checkpoints to keep on disk
 * @param seed seed of the shuffling and of the engine's dropout
 */
public record TrainingConfig(
    double learningRate,
    double weightDecay,
    double beta1,
    double beta2,
    double epsilon,
    LrSchedule schedule,
    double warmupRatio,
    double maxGradNorm,
    int batchSize,
    int gradientAccumulation,
    int epochs,
    int maxLength,
    OverflowPolicy overflow,
    LabelMode labels,
    double validationInterval,
    int checkpointEvery,
    int keepCheckpoints,
    long seed) {

  /** Validates every field; messages name the field and the value found. */
  public TrainingConfig {
    positive("learningRate", learningRate);
    if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("weightDecay must be >= 0, found " + weightDecay);
    }
    unit("beta1", beta1);
    unit("beta2", beta2);
    positive("epsilon", epsilon);
    Objects.requireNonNull(schedule, "schedule");
    if (!(warmupRatio >= 0 && warmupRatio < 1)) {
      throw new IllegalArgumentException("warmupRatio must be in [0, 1), found " + warmupRatio);
    }
    if (!(maxGradNorm >= 0) || Double.isInfinite(maxGradNorm)) {
      throw new IllegalArgumentException("maxGradNorm must be >= 0 (0 = no clipping), found " + maxGradNorm);
    }
    atLeastOne("batchSize", batchSize);
    atLeastOne("gradientAccumulation", gradientAccumulation);
    atLeastOne("epochs", epochs);
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must be >= 2, found " + maxLength);
    }
    Objects.requireNonNull(overflow, "overflow");
    Objects.requireNonNull(labels, "labels");
    if (!(validationInterval >= 0 && validationInterval <= 1)) {
      throw new IllegalArgumentException(
          "validationInterval must be in [0, 1] (a fraction of an epoch), found " + validationInterval);
    }
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("checkpointEvery must be >= 0, found " + checkpointEvery);
    }
    atLeastOne("keepCheckpoints", keepCheckpoints);
  }

  /** A builder with the defaults above. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.learningRate = learningRate;
    b.weightDecay = weightDecay;
    b.beta1 = beta1;
    b.beta2 = beta2;
    b.epsilon = epsilon;
    b.schedule = schedule;
    b.warmupRatio = warmupRatio;
    b.maxGradNorm = maxGradNorm;
    b.batchSize = batchSize;
    b.gradientAccumulation = gradientAccumulation;
    b.epochs = epochs;
    b.maxLength = maxLength;
    b.overflow = overflow;
    b.labels = labels;
    b.validationInterval = validationInterval;
    b.checkpointEvery = checkpointEvery;
    b.keepCheckpoints = keepCheckpoints;
    b.seed = seed;
    return b;
  }

  /** Examples per optimizer step. */
  public int effectiveBatchSize() {
    return batchSize * gradientAccumulation;
  }

  private static void positive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite, found " + v);
    }
  }

  private static void unit(String name, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), found " + v);
    }
  }

  private static void atLeastOne(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, found " + v);
    }
  }

  /** Builder of {@link TrainingConfig}; every setting is optional. */
  public static final class Builder {
    private double learningRate = 1e-4;
    private double weightDecay = 0.01;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;
    private LrSchedule schedule = LrSchedule.LINEAR;
    private double warmupRatio = 0.03;
    private double maxGradNorm = 1.0;
    private int batchSize = 2;
    private int gradientAccumulation = 1;
    private int epochs = 1;
    private int maxLength = 2048;
    private OverflowPolicy overflow = OverflowPolicy.TRUNCATE;
    private LabelMode labels = LabelMode.ANSWER_ONLY;
    private double validationInterval = 0.2;
    private int checkpointEvery;
    private int keepCheckpoints = 2;
    private long seed = 42;

    private Builder() {}

    /** Sets the peak learning rate (default 1e-4). */
    public Builder optLearningRate(double lr) {
      this.learningRate = lr;
      return this;
    }

    /** Sets the decoupled weight decay (default 0.01). */
    public Builder optWeightDecay(double wd) {
      this.weightDecay = wd;
      return this;
    }

    /** Sets AdamW's betas (default 0.9, 0.999). */
    public Builder optBetas(double b1, double b2) {
      this.beta1 = b1;
      this.beta2 = b2;
      return this;
    }

    /** Sets AdamW's epsilon (default 1e-8). */
    public Builder optEpsilon(double eps) {
      this.epsilon = eps;
      return this;
    }

    /** Sets the schedule after warmup (default linear decay). */
    public Builder optSchedule(LrSchedule s) {
      this.schedule = s;
      return this;
    }

    /** Sets the warmup share of all steps (default 0.03). */
    public Builder optWarmupRatio(double ratio) {
      this.warmupRatio = ratio;
      return this;
    }

    /** Sets the gradient-norm clip (default 1.0; 0 disables). */
    public Builder optMaxGradNorm(double norm) {
      this.maxGradNorm = norm;
      return this;
    }

    /** Sets the examples per forward pass (default 2). */
    public Builder optBatchSize(int n) {
      this.batchSize = n;
      return this;
    }

    /** Sets the forward passes per optimizer step (default 1). */
    public Builder optGradientAccumulation(int n) {
      this.gradientAccumulation = n;
      return this;
    }

    /** Sets the number of epochs (default 1). */
    public Builder optEpochs(int n) {
      this.epochs = n;
      return this;
    }

    /** Sets the most tokens per example (default 2048). */
    public Builder optMaxLength(int n) {
      this.maxLength = n;
      return this;
    }

    /** Sets what happens to longer examples (default truncate, counted and logged). */
    public Builder optOverflow(OverflowPolicy p) {
      this.overflow = p;
      return this;
    }

    /** Sets which positions carry the loss (default the answer only). */
    public Builder optLabels(LabelMode mode) {
      this.labels = mode;
      return this;
    }

    /** Sets how often to validate, as a fraction of an epoch (default 0.2). */
    public Builder optValidationInterval(double fraction) {
      this.validationInterval = fraction;
      return this;
    }

    /** Sets the checkpoint period in steps (default 0: at each validation and at the end). */
    public Builder optCheckpointEvery(int steps) {
      this.checkpointEvery = steps;
      return this;
    }

    /** Sets how many checkpoints stay on disk (default 2). */
    public Builder optKeepCheckpoints(int n) {
      this.keepCheckpoints = n;
      return this;
    }

    /** Sets the seed (default 42). */
    public Builder optSeed(long s) {
      this.seed = s;
      return this;
    }

    /** Validates and builds. */
    public TrainingConfig build() {
      return new TrainingConfig(learningRate, weightDecay, beta1, beta2, epsilon, schedule, warmupRatio,
          maxGradNorm, batchSize, gradientAccumulation, epochs, maxLength, overflow, labels,
          validationInterval, checkpointEvery, keepCheckpoints, seed);
    }
  }
}
