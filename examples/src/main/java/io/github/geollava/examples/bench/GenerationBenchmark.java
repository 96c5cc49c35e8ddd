package io.github.geollava.examples.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.generate.GenerationOptions;
import io.github.geollava.core.generate.GenerationResult;
import io.github.geollava.core.generate.Generator;
import io.github.geollava.core.generate.PromptBatch;
import io.github.geollava.core.generate.Sampler;
import io.github.geollava.core.model.llama.KvCache;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prefill and decode speed of LLaVA-NeXT-Video generation on the "100M" config of
 * {@code notes/perf-anchors.md} (text hidden 768, 12 layers, 12 heads, intermediate 2048, vocabulary
 * 32,064, untied head; CLIP 128 hidden, 4 layers, image 64, patch 8): 135.7M parameters, batch 1,
 * 232-token prompts ({@code [1] + 5 ids + 32 video tokens + 194 ids}) with 2 frames of 64 x 64, float32 on
 * the CPU. One operation is:
 *
 * <ul>
 *   <li>{@code prefillLastLogits}: the prompt through vision tower, projector and decoder into a fresh KV
 *       cache, LM head on the last position only (what generation needs); tokens/s = 232 / time.
 *   <li>{@code prefillFullLogits}: the same without a cache and with logits for all 232 positions (what
 *       Hugging Face 4.45's {@code generate} computes at prefill).
 *   <li>{@code decode64WithCache}: 64 greedy decode steps of one token on a prefilled cache (prefill not
 *       timed); tokens/s = 64 / time.
 *   <li>{@code decode8WithoutCache}: 8 greedy steps that re-run the whole sequence (232..239 tokens, video
 *       included) each time; tokens/s = 8 / time.
 *   <li>{@code generate64WithCache}: a whole {@link Generator} call, 64 new tokens (prefill + 63 decode
 *       steps, per-step memory scoping, logits copied to Java); compare with HF's 2.345 s.
 * </ul>
 *
 * <p>After each iteration the benchmark prints the process CPU time per operation: on a shared 2-core
 * machine wall time depends on the neighbours, CPU time much less. For {@code decode64WithCache} that
 * CPU time includes the untimed prefill of each invocation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class GenerationBenchmark {

  static final int PROMPT = 232;
  static final int VIDEO_TOKENS = 32;
  static final int VIDEO_TOKEN_ID = 32000;

  private LlavaNextVideoModel model;
  private NDManager manager;
  private long[] prompt; // (232)
  private NDArray pixels; // (1, 2, 3, 64, 64)
  private long cpuAtStart;
  private long ops;

  /** The "100M" config of notes/perf-anchors.md, as transformers would write it. */
  static LlavaNextVideoConfig config100m() throws IOException {
    String json =
        "{\"model_type\":\"llava_next_video\",\"image_token_index\":32001,\"video_token_index\":32000,"
            + "\"projector_hidden_act\":\"gelu\",\"vision_feature_layer\":-2,"
            + "\"vision_feature_select_strategy\":\"default\",\"spatial_pool_mode\":\"average\","
            + "\"spatial_pool_stride\":2,\"image_seq_length\":64,\"video_seq_length\":32,"
            + "\"tie_word_embeddings\":false,"
            + "\"vision_config\":{\"model_type\":\"clip_vision_model\",\"hidden_size\":128,"
            + "\"intermediate_size\":512,\"num_hidden_layers\":4,\"num_attention_heads\":4,"
            + "\"num_channels\":3,\"image_size\":64,\"patch_size\":8,\"hidden_act\":\"quick_gelu\","
            + "\"layer_norm_eps\":1e-5,\"projection_dim\":128},"
            + "\"text_config\":{\"model_type\":\"llama\",\"vocab_size\":32064,\"hidden_size\":768,"
            + "\"intermediate_size\":2048,\"num_hidden_layers\":12,\"num_attention_heads\":12,"
            + "\"num_key_value_heads\":12,\"hidden_act\":\"silu\",\"max_position_embeddings\":4096,"
            + "\"rms_norm_eps\":1e-5,\"rope_theta\":10000.0,\"bos_token_id\":1,\"eos_token_id\":2,"
            + "\"tie_word_embeddings\":false,\"attention_bias\":false,\"mlp_bias\":false}}";
    return LlavaNextVideoConfig.fromJson(new ObjectMapper().readTree(json));
  }

  /** Builds the model with seeded weights, the prompt and the video. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    model = LlavaNextVideoModel.create(config100m(), 0, Device.cpu());
    manager = model.manager().newSubManager();
    SplittableRandom rnd = new SplittableRandom(1234);
    prompt = new long[PROMPT];
    prompt[0] = 1;
    for (int i = 1; i < PROMPT; i++) {
      prompt[i] = 3 + rnd.nextInt(32000 - 3);
    }
    Arrays.fill(prompt, 6, 6 + VIDEO_TOKENS, VIDEO_TOKEN_ID);
    pixels = manager.randomNormal(0, 1, new Shape(1, 2, 3, 64, 64), DataType.FLOAT32);
  }

  /** Frees the model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    manager.close();
    model.close();
  }

  /** Starts the CPU-time count of an iteration. */
  @Setup(Level.Iteration)
  public void startIteration() {
    cpuAtStart = processCpuNanos();
    ops = 0;
  }

  /** Prints the process CPU time per operation of the iteration. */
  @TearDown(Level.Iteration)
  public void endIteration() {
    if (ops > 0) {
      double ms = (processCpuNanos() - cpuAtStart) / 1e6 / ops;
      System.out.printf(Locale.ROOT, "%n  [process CPU %.1f ms/op over %d ops]%n", ms, ops);
    }
  }

  /** A KV cache prefilled with the prompt before each decode invocation, outside the timed region. */
  @State(Scope.Thread)
  public static class Prefilled {
    KvCache cache;
    long firstToken;

    /**
     * Prefills a fresh cache.
     *
     * @param b the benchmark state holding the model
     */
    @Setup(Level.Invocation)
    public void prefill(GenerationBenchmark b) {
      cache = b.model.newCache();
      try (NDManager sub = b.manager.newSubManager()) {
        NDArray logits = b.model.lastLogits(ids(sub, b.prompt), ones(sub, PROMPT), b.pixels, cache);
        firstToken = Sampler.GREEDY.sample(logits.toFloatArray(), null);
      }
    }

    /** Frees the cache. */
    @TearDown(Level.Invocation)
    public void close() {
      cache.close();
    }
  }

  /**
   * Prefill into a KV cache, last-position logits.
   *
   * @return the logits' first value (keeps the work alive)
   */
  @Benchmark
  public float prefillLastLogits() {
    ops++;
    try (KvCache cache = model.newCache();
        NDManager sub = manager.newSubManager()) {
      return model.lastLogits(ids(sub, prompt), ones(sub, PROMPT), pixels, cache).toFloatArray()[0];
    }
  }

  /**
   * A no-cache forward pass with logits for every position.
   *
   * @return one logit
   */
  @Benchmark
  public float prefillFullLogits() {
    ops++;
    try (NDManager sub = manager.newSubManager()) {
      NDArray logits = model.logits(ids(sub, prompt), ones(sub, PROMPT), pixels, null);
      return logits.get(0, PROMPT - 1, 0).getFloat();
    }
  }

  /**
   * 64 greedy decode steps on the prefilled cache.
   *
   * @param prefilled the cache, prefilled outside the timed region
   * @return the last token
   */
  @Benchmark
  public long decode64WithCache(Prefilled prefilled) {
    ops++;
    long token = prefilled.firstToken;
    for (int step = 0; step < 64; step++) {
      try (NDManager sub = manager.newSubManager()) {
        NDArray logits =
            model.lastLogits(ids(sub, new long[] {token}), ones(sub, PROMPT + 1 + step), null,
                prefilled.cache);
        token = Sampler.GREEDY.sample(logits.toFloatArray(), null);
      }
    }
    return token;
  }

  /**
   * 8 greedy steps without a cache, re-running the whole sequence and the video each time.
   *
   * @return the last token
   */
  @Benchmark
  public long decode8WithoutCache() {
    ops++;
    long[] seq = Arrays.copyOf(prompt, PROMPT + 8);
    for (int step = 0; step < 8; step++) {
      int len = PROMPT + step;
      try (NDManager sub = manager.newSubManager()) {
        NDArray logits =
            model.lastLogits(ids(sub, Arrays.copyOf(seq, len)), ones(sub, len), pixels, null);
        seq[len] = Sampler.GREEDY.sample(logits.toFloatArray(), null);
      }
    }
    return seq[PROMPT + 7];
  }

  /**
   * A whole generation call of 64 new tokens with the KV cache.
   *
   * @return the last token
   */
  @Benchmark
  public long generate64WithCache() {
    ops++;
    GenerationResult r =
        Generator.of(model)
            .generate(
                PromptBatch.of(prompt),
                pixels,
                GenerationOptions.builder().optMaxNewTokens(64).build());
    return r.sequence(0)[63];
  }

  private static NDArray ids(NDManager m, long[] ids) {
    return m.create(ids, new Shape(1, ids.length));
  }

  private static NDArray ones(NDManager m, int len) {
    return m.ones(new Shape(1, len), DataType.INT64);
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }
}
