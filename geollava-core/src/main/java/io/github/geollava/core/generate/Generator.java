package io.github.geollava.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.text.TextTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autoregressive decoding of a {@link CausalLm}, as Hugging Face's {@code generate} does it for a
 * decoder-only model.
 *
 * <p>With the KV cache the prompt is run once (prefill, with the video) and then one token per row per
 * step; without it the whole sequence, video included, is run again at every step. Both give the same
 * tokens. Batches are left-padded ({@link PromptBatch}); the attention mask grows by a column of ones per
 * step and the model derives position ids from it. A row that has finished is fed
 * {@link GenerationOptions#padTokenId()} until the others are done, as in HF, and its result stops at
 * its last real token.
 *
 * <p>Memory: every step's inputs live in a sub-manager that is closed at the end of the step, and the
 * step's logits are copied to Java and closed, so native memory stays flat over long generations. The
 * KV cache belongs to the model's cache object and is closed (when {@link AutoCloseable}) at the end.
 *
 * <p>Thread safety: a generator holds no per-call state, but the model it drives usually is not safe for
 * concurrent forward passes; callers serialise (see {@code ChangeCaptioner}).
 */
public final class Generator {

  private static final Logger LOG = LoggerFactory.getLogger(Generator.class);

  private final CausalLm<?> model;
  private final TextTokenizer tokenizer;

  private Generator(CausalLm<?> model, TextTokenizer tokenizer) {
    this.model = Objects.requireNonNull(model, "model");
    this.tokenizer = tokenizer;
  }

  /**
   * A generator without a tokenizer (stop strings unavailable).
   *
   * @param model the model
   * @return the generator
   */
  public static Generator of(CausalLm<?> model) {
    return new Generator(model, null);
  }

  /**
   * A generator whose tokenizer decodes new text for stop strings.
   *
   * @param model the model
   * @param tokenizer the tokenizer
   * @return the generator
   */
  public static Generator of(CausalLm<?> model, TextTokenizer tokenizer) {
    return new Generator(model, Objects.requireNonNull(tokenizer, "tokenizer"));
  }

  /**
   * Generates without streaming.
   *
   * @param prompts the left-padded prompts
   * @param pixelValuesVideos {@code (B, F, 3, H, W)} float32 on the model's device, or null for text only
   * @param options the decoding options
   * @return the new tokens
   */
  public GenerationResult generate(
      PromptBatch prompts, NDArray pixelValuesVideos, GenerationOptions options) {
    return generate(prompts, pixelValuesVideos, options, TokenListener.NONE);
  }

  /**
   * Generates, telling {@code listener} each token as it is chosen.
   *
   * @param prompts the left-padded prompts
   * @param pixelValuesVideos {@code (B, F, 3, H, W)} float32 on the model's device, or null for text only
   * @param options the decoding options
   * @param listener the streaming callback
   * @return the new tokens
   */
  public GenerationResult generate(
      PromptBatch prompts,
      NDArray pixelValuesVideos,
      GenerationOptions options,
      TokenListener listener) {
    Objects.requireNonNull(prompts, "prompts");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    if (!options.stopStrings().isEmpty() && tokenizer == null) {
      throw new IllegalArgumentException(
          "stopStrings " + options.stopStrings() + " need a tokenizer: use Generator.of(model, tokenizer)");
    }
    if (pixelValuesVideos != null && pixelValuesVideos.getShape().get(0) != prompts.batchSize()) {
      throw new IllegalArgumentException(
          "pixelValuesVideos has batch "
              + pixelValuesVideos.getShape().get(0)
              + " but there are "
              + prompts.batchSize()
              + " prompts");
    }
    return run(model, prompts, pixelValuesVideos, options, listener);
  }

  private <C> GenerationResult run(
      CausalLm<C> lm,
      PromptBatch prompts,
      NDArray pixels,
      GenerationOptions options,
      TokenListener listener) {
    int b = prompts.batchSize();
    int s = prompts.length();
    int max = options.maxNewTokens();
    int total = s + max;
    long[][] ids = new long[b][total]; // (B, S + steps): prompt then new tokens
    long[][] mask = new long[b][total];
    for (int r = 0; r < b; r++) {
      System.arraycopy(prompts.inputIds()[r], 0, ids[r], 0, s);
      System.arraycopy(prompts.attentionMask()[r], 0, mask[r], 0, s);
      Arrays.fill(mask[r], s, total, 1L);
    }
    int[] newCount = new int[b];
    FinishReason[] reasons = new FinishReason[b];
    List<List<float[]>> kept = new ArrayList<>();
    for (int r = 0; r < b; r++) {
      kept.add(new ArrayList<>());
    }
    LogitsProcessor processors = options.processors();
    Sampler sampler = options.sampler();
    SplittableRandom random = new SplittableRandom(options.seed());
    boolean useCache = options.useCache();
    C cache = useCache ? lm.newCache() : null;
    int done = 0;
    try (NDManager gen = lm.manager().newSubManager()) {
      for (int step = 0; step < max && done < b; step++) {
        int len = s + step; // tokens so far in every row
        float[] last; // (B * V) logits of the last position
        int vocab;
        try (NDManager sub = gen.newSubManager()) {
          NDArray inIds;
          NDArray px;
          if (useCache && step > 0) {
            inIds = sub.create(column(ids, len - 1), new Shape(b, 1)); // decode: one token per row
            px = null;
          } else {
            inIds = sub.create(slice(ids, len), new Shape(b, len)); // prefill, or a full re-run
            px = pixels;
          }
          NDArray am = sub.create(slice(mask, len), new Shape(b, len));
          NDArray logits = lm.lastLogits(inIds, am, px, cache); // (B, 1, V)
          Shape shape = logits.getShape();
          if (shape.dimension() != 3 || shape.get(0) != b || shape.get(1) != 1) {
            throw new IllegalStateException(
                "model returned last-position logits of shape " + shape + "; expected (" + b
                    + ", 1, V)");
          }
          vocab = Math.toIntExact(shape.get(2));
          last = logits.toFloatArray();
          logits.close(); // the model may have attached it to its own manager
        }
        for (int r = 0; r < b; r++) {
          if (reasons[r] != null) {
            ids[r][len] = options.padTokenId();
            continue;
          }
          float[] row = Arrays.copyOfRange(last, r * vocab, (r + 1) * vocab);
          if (options.returnStepLogits()) {
            kept.get(r).add(row.clone());
          }
          processors.process(Arrays.copyOf(ids[r], len), s, row);
          long token = sampler.sample(row, random);
          ids[r][len] = token;
          newCount[r]++;
          listener.onToken(r, step, token);
          reasons[r] = finished(options, ids[r], s, newCount[r], token);
          if (reasons[r] != null) {
            done++;
          }
        }
        LOG.debug("step {}: {} of {} rows finished", step, done, b);
      }
    } finally {
      if (cache instanceof AutoCloseable) {
        closeQuietly((AutoCloseable) cache);
      }
    }
    List<long[]> sequences = new ArrayList<>(b);
    List<FinishReason> why = new ArrayList<>(b);
    float[][][] stepLogits = options.returnStepLogits() ? new float[b][][] : null;
    for (int r = 0; r < b; r++) {
      sequences.add(Arrays.copyOfRange(ids[r], s, s + newCount[r]));
      why.add(reasons[r] == null ? FinishReason.MAX_NEW_TOKENS : reasons[r]);
      if (stepLogits != null) {
        stepLogits[r] = kept.get(r).toArray(new float[0][]);
      }
    }
    return new GenerationResult(sequences, why, stepLogits);
  }

  private FinishReason finished(
      GenerationOptions options, long[] row, int promptLength, int newTokens, long token) {
    if (options.eosTokenIds().contains(token)) {
      return FinishReason.EOS;
    }
    if (!options.stopStrings().isEmpty()) {
      String text =
          tokenizer.decode(Arrays.copyOfRange(row, promptLength, promptLength + newTokens), true);
      for (String stop : options.stopStrings()) {
        if (text.contains(stop)) {
          return FinishReason.STOP_STRING;
        }
      }
    }
    return newTokens >= options.maxNewTokens() ? FinishReason.MAX_NEW_TOKENS : null;
  }

  private static long[] slice(long[][] rows, int len) {
    long[] flat = new long[rows.length * len];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * len, len);
    }
    return flat;
  }

  private static long[] column(long[][] rows, int col) {
    long[] out = new long[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = rows[r][col];
    }
    return out;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing the KV cache failed: {}", e.toString());
    }
  }
}
