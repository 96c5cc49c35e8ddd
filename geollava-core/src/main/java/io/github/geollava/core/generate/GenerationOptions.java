package io.github.geollava.core.generate;

import java.util.List;
import java.util.Objects;

/**
 * How {@link Generator} decodes, with the meaning of the Hugging Face {@code GenerationConfig} fields of
 * the same names.
 *
 * <p>Greedy unless {@code doSample}; the warpers (temperature, top-k, top-p) act only when sampling, as in
 * HF. The repetition penalty and the min-new-tokens rule act in both modes. Sampling is deterministic for
 * a given {@code seed}.
 *
 * @param maxNewTokens the most new tokens per row, {@code >= 1}
 * @param minNewTokens EOS is suppressed until a row has this many new tokens, {@code >= 0}
 * @param doSample sample from the warped distribution instead of taking the arg-max
 * @param temperature divides the logits when sampling, {@code > 0}
 * @param topK keep the k most likely tokens when sampling; 0 keeps all
 * @param topP keep the smallest set of tokens of at least this mass when sampling, in (0, 1]
 * @param repetitionPenalty HF repetition penalty, {@code > 0}; 1 is off
 * @param eosTokenIds ids that end a row (kept as its last id); empty never stops early
 * @param stopStrings texts that end a row once its decoded new text contains one; needs a tokenizer
 * @param padTokenId id fed for rows that have finished while others continue
 * @param seed seed of the sampling random source
 * @param useCache prefill once and then feed one token per step through a KV cache; false re-runs the
 *     whole sequence every step (slow; a reference path)
 * @param returnStepLogits keep each step's raw logits (before any processor) in the result
 */
public record GenerationOptions(
    int maxNewTokens,
    int minNewTokens,
    boolean doSample,
    float temperature,
    int topK,
    float topP,
    float repetitionPenalty,
    List<Long> eosTokenIds,
    List<String> stopStrings,
    long padTokenId,
    long seed,
    boolean useCache,
    boolean returnStepLogits) {

  /** Greedy decoding of up to 64 new tokens, with a KV cache, no EOS. */
  public static final GenerationOptions GREEDY = builder().build();

  /** Validates every field; messages name the field and the value. */
  public GenerationOptions {
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + maxNewTokens);
    }
    if (minNewTokens < 0 || minNewTokens > maxNewTokens) {
      throw new IllegalArgumentException(
          "minNewTokens must be in [0, maxNewTokens=" + maxNewTokens + "], got " + minNewTokens);
    }
    if (!(temperature > 0f) || Float.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a finite value > 0, got " + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0, got " + topK);
    }
    if (!(topP > 0f) || topP > 1f) {
      throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
    }
    if (!(repetitionPenalty > 0f) || Float.isInfinite(repetitionPenalty)) {
      throw new IllegalArgumentException(
          "repetitionPenalty must be a finite value > 0, got " + repetitionPenalty);
    }
    eosTokenIds = List.copyOf(Objects.requireNonNull(eosTokenIds, "eosTokenIds"));
    stopStrings = List.copyOf(Objects.requireNonNull(stopStrings, "stopStrings"));
    for (String s : stopStrings) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("stopStrings must not contain an empty string");
      }
    }
    if (padTokenId < 0) {
      throw new IllegalArgumentException("padTokenId must be >= 0, got " + padTokenId);
    }
  }

  /** A builder with HF's defaults (greedy, temperature 1, top-k off, top-p 1, no penalty). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxNewTokens = maxNewTokens;
    b.minNewTokens = minNewTokens;
    b.doSample = doSample;
    b.temperature = temperature;
    b.topK = topK;
    b.topP = topP;
    b.repetitionPenalty = repetitionPenalty;
    b.eosTokenIds = eosTokenIds;
    b.stopStrings = stopStrings;
    b.padTokenId = padTokenId;
    b.seed = seed;
    b.useCache = useCache;
    b.returnStepLogits = returnStepLogits;
    return b;
  }

  /**
   * The logits processors in Hugging Face's order: repetition penalty, min new tokens, then (only when
   * sampling) temperature, top-k, top-p.
   *
   * @return the chain
   */
  public LogitsProcessor processors() {
    LogitsProcessor p =
        LogitsProcessor.repetitionPenalty(repetitionPenalty)
            .andThen(LogitsProcessor.minNewTokens(minNewTokens, eosTokenIds));
    if (doSample) {
      p =
          p.andThen(LogitsProcessor.temperature(temperature))
              .andThen(LogitsProcessor.topK(topK))
              .andThen(LogitsProcessor.topP(topP));
    }
    return p;
  }

  /** {@link Sampler#MULTINOMIAL} when sampling, else {@link Sampler#GREEDY}. */
  public Sampler sampler() {
    return doSample ? Sampler.MULTINOMIAL : Sampler.GREEDY;
  }

  /** Builder of {@link GenerationOptions}; every setting is optional. */
  public static final class Builder {
    private int maxNewTokens = 64;
    private int minNewTokens;
    private boolean doSample;
    private float temperature = 1f;
    private int topK;
    private float topP = 1f;
    private float repetitionPenalty = 1f;
    private List<Long> eosTokenIds = List.of();
    private List<String> stopStrings = List.of();
    private long padTokenId;
    private long seed;
    private boolean useCache = true;
    private boolean returnStepLogits;

    private Builder() {}

    /**
     * Sets the most new tokens per row (default 64).
     *
     * @param n the value
     * @return this builder
     */
    public Builder optMaxNewTokens(int n) {
      this.maxNewTokens = n;
      return this;
    }

    /**
     * Sets the number of new tokens before which EOS is suppressed (default 0).
     *
     * @param n the value
     * @return this builder
     */
    public Builder optMinNewTokens(int n) {
      this.minNewTokens = n;
      return this;
    }

    /**
     * Sets whether to sample rather than decode greedily (default false).
     *
     * @param sample the value
     * @return this builder
     */
    public Builder optDoSample(boolean sample) {
      this.doSample = sample;
      return this;
    }

    /**
     * Sets the sampling temperature (default 1).
     *
     * @param t the value
     * @return this builder
     */
    public Builder optTemperature(float t) {
      this.temperature = t;
      return this;
    }

    /**
     * Sets top-k for sampling (default 0: off).
     *
     * @param k the value
     * @return this builder
     */
    public Builder optTopK(int k) {
      this.topK = k;
      return this;
    }

    /**
     * Sets top-p for sampling (default 1: off).
     *
     * @param p the value
     * @return this builder
     */
    public Builder optTopP(float p) {
      this.topP = p;
      return this;
    }

    /**
     * Sets the Hugging Face repetition penalty (default 1: off).
     *
     * @param penalty the value
     * @return this builder
     */
    public Builder optRepetitionPenalty(float penalty) {
      this.repetitionPenalty = penalty;
      return this;
    }

    /**
     * Sets the EOS ids (default none).
     *
     * @param ids the value
     * @return this builder
     */
    public Builder optEosTokenIds(List<Long> ids) {
      this.eosTokenIds = ids;
      return this;
    }

    /**
     * Sets the stop strings (default none).
     *
     * @param stops the value
     * @return this builder
     */
    public Builder optStopStrings(List<String> stops) {
      this.stopStrings = stops;
      return this;
    }

    /**
     * Sets the id fed to finished rows (default 0).
     *
     * @param id the value
     * @return this builder
     */
    public Builder optPadTokenId(long id) {
      this.padTokenId = id;
      return this;
    }

    /**
     * Sets the sampling seed (default 0).
     *
     * @param s the value
     * @return this builder
     */
    public Builder optSeed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * Sets whether the KV cache is used (default true).
     *
     * @param cache the value
     * @return this builder
     */
    public Builder optUseCache(boolean cache) {
      this.useCache = cache;
      return this;
    }

    /**
     * Sets whether each step's raw logits are kept (default false).
     *
     * @param keep the value
     * @return this builder
     */
    public Builder optReturnStepLogits(boolean keep) {
      this.returnStepLogits = keep;
      return this;
    }

    /** Validates and builds the options. */
    public GenerationOptions build() {
      return new GenerationOptions(
          maxNewTokens,
          minNewTokens,
          doSample,
          temperature,
          topK,
          topP,
          repetitionPenalty,
          eosTokenIds,
          stopStrings,
          padTokenId,
          seed,
          useCache,
          returnStepLogits);
    }
  }
}
