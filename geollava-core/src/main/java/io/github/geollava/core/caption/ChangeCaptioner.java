package io.github.geollava.core.caption;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.geollava.core.config.GenerationConfig;
import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.generate.GenerationOptions;
import io.github.geollava.core.generate.GenerationResult;
import io.github.geollava.core.generate.Generator;
import io.github.geollava.core.generate.PromptBatch;
import io.github.geollava.core.generate.TokenListener;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.ChatTemplate;
import io.github.geollava.core.text.PromptEncoder;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.video.VideoProcessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes the changes between satellite images of one place taken at different times: the frames go
 * through the checkpoint's image processor as one video, the prompt through the chat template, and the
 * model answers.
 *
 * <pre>{@code
 * try (ChangeCaptioner captioner = ChangeCaptioner.builder()
 *         .setModelDir(Path.of("LLaVA-NeXT-Video-7B-hf"))
 *         .optDevice(Device.gpu())
 *         .build()) {
 *   String text = captioner.describe(ImageIO.read(before), ImageIO.read(after));
 * }
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent callers. Calls are serialised by a fair lock, because one model
 * instance already uses every core (or the GPU) for a single forward pass; for parallel throughput
 * across devices build one captioner per device. {@link #close()} waits for a running call.
 */
public final class ChangeCaptioner implements AutoCloseable {

  /** The default instruction, as in GeoLLaVA's evaluation. */
  public static final String DEFAULT_PROMPT =
      "Describe the images in the video frames, and elaborate on the changes between them.";

  /** Default cap on the answer length, in tokens. */
  public static final int DEFAULT_MAX_NEW_TOKENS = 350;

  private static final Logger LOG = LoggerFactory.getLogger(ChangeCaptioner.class);

  private final LlavaNextVideoModel model;
  private final TextTokenizer tokenizer;
  private final PromptEncoder prompts;
  private final VideoProcessor video;
  private final GenerationOptions options;
  private final Generator generator;
  private final ReentrantLock lock = new ReentrantLock(true);
  private boolean closed;

  private ChangeCaptioner(
      LlavaNextVideoModel model,
      TextTokenizer tokenizer,
      ChatTemplate template,
      PreprocessorConfig preprocessor,
      GenerationOptions options) {
    this.model = model;
    this.tokenizer = tokenizer;
    this.prompts = new PromptEncoder(tokenizer, template, model.config().videoTokenIndex());
    this.video = VideoProcessor.of(preprocessor);
    int size = model.config().visionConfig().imageSize();
    if (preprocessor.outputHeight() != size || preprocessor.outputWidth() != size) {
      throw new IllegalArgumentException(
          "the image processor makes " + preprocessor.outputHeight() + "x" + preprocessor.outputWidth()
              + " frames but the vision tower expects " + size + "x" + size);
    }
    this.options = options;
    this.generator = Generator.of(model, tokenizer);
  }

  /** A builder; either {@link Builder#setModelDir} or {@link Builder#setModel} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Describes a before/after pair with {@link #DEFAULT_PROMPT}.
   *
   * @param before the earlier image
   * @param after the later image
   * @return the model's answer
   */
  public String describe(BufferedImage before, BufferedImage after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    return describe(List.of(before, after), DEFAULT_PROMPT);
  }

  /**
   * Describes a sequence of images of one place, oldest first.
   *
   * @param frames the images (at least one)
   * @param prompt the instruction
   * @return the model's answer, special tokens removed, trimmed, cut before any stop string
   */
  public String describe(List<BufferedImage> frames, String prompt) {
    return describe(frames, prompt, TokenListener.NONE);
  }

  /**
   * Describes a sequence of images, streaming each token id as it is generated (decode them with
   * {@link #tokenizer()}).
   *
   * @param frames the images (at least one)
   * @param prompt the instruction
   * @param listener told each new token id
   * @return the model's answer
   */
  public String describe(List<BufferedImage> frames, String prompt, TokenListener listener) {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(prompt, "prompt");
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("frames must hold at least one image");
    }
    for (int i = 0; i < frames.size(); i++) {
      Objects.requireNonNull(frames.get(i), "frames[" + i + "]");
    }
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("ChangeCaptioner is closed");
      }
      long[] ids = prompts.encode(prompt, frames.size() * model.config().videoTokensPerFrame());
      try (NDManager call = model.manager().newSubManager()) {
        NDArray pixels = video.toTensor(frames, call).expandDims(0); // (1, F, 3, H, W)
        GenerationResult r = generator.generate(PromptBatch.of(ids), pixels, options, listener);
        LOG.debug("described {} frames in {} tokens ({})", frames.size(), r.sequence(0).length,
            r.finishReason(0));
        return answer(r.sequence(0));
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Describes several videos with {@link #DEFAULT_PROMPT}; see {@link #describeAll(List, List, int)}.
   *
   * @param videos the videos, each a list of images oldest first
   * @param batchSize the most videos per forward pass
   * @return one answer per video, in input order
   */
  public List<String> describeAll(List<List<BufferedImage>> videos, int batchSize) {
    Objects.requireNonNull(videos, "videos");
    return describeAll(videos, Collections.nCopies(videos.size(), DEFAULT_PROMPT), batchSize);
  }

  /**
   * Describes several videos, {@code batchSize} at a time: the prompts of a batch are left-padded to
   * one length ({@link PromptBatch#leftPad}) and decoded greedily together, so each answer equals what
   * {@link #describe(List, String)} returns for that video and prompt alone (same post-processing),
   * at a fraction of the time per video.
   *
   * <p>A batch holds videos of one frame count only (their video tokens must line up): videos are
   * grouped by frame count, each group is cut into batches, and the answers are put back in input
   * order. The lock is taken per batch, so other callers interleave between batches, and a
   * {@link #close()} from another thread ends the call at the next batch with an
   * {@link IllegalStateException}. Each batch's tensors live in their own sub-manager.
   *
   * @param videos the videos, each a list of at least one image, oldest first
   * @param prompts one instruction per video
   * @param batchSize the most videos per forward pass, at least 1
   * @return one answer per video, in input order
   * @throws IllegalArgumentException if the lists differ in length, a video is empty or batchSize is
   *     below 1
   */
  public List<String> describeAll(
      List<List<BufferedImage>> videos, List<String> prompts, int batchSize) {
    Objects.requireNonNull(videos, "videos");
    Objects.requireNonNull(prompts, "prompts");
    if (videos.size() != prompts.size()) {
      throw new IllegalArgumentException(
          "got " + videos.size() + " videos but " + prompts.size() + " prompts; expected one each");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    // group by frame count, keeping input order inside each group
    Map<Integer, List<Integer>> byFrames = new LinkedHashMap<>();
    for (int i = 0; i < videos.size(); i++) {
      List<BufferedImage> v = Objects.requireNonNull(videos.get(i), "videos[" + i + "]");
      Objects.requireNonNull(prompts.get(i), "prompts[" + i + "]");
      if (v.isEmpty()) {
        throw new IllegalArgumentException("videos[" + i + "] must hold at least one image");
      }
      for (int f = 0; f < v.size(); f++) {
        Objects.requireNonNull(v.get(f), "videos[" + i + "][" + f + "]");
      }
      byFrames.computeIfAbsent(v.size(), k -> new ArrayList<>()).add(i);
    }
    String[] out = new String[videos.size()];
    for (List<Integer> group : byFrames.values()) {
      for (int from = 0; from < group.size(); from += batchSize) {
        List<Integer> batch = group.subList(from, Math.min(group.size(), from + batchSize));
        List<String> answers = describeBatch(
            batch.stream().map(videos::get).toList(), batch.stream().map(prompts::get).toList());
        for (int j = 0; j < batch.size(); j++) {
          out[batch.get(j)] = answers.get(j);
        }
      }
    }
    return List.of(out);
  }

  /** One forward batch of videos with the same frame count. */
  private List<String> describeBatch(List<List<BufferedImage>> videos, List<String> texts) {
    int frames = videos.get(0).size();
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("ChangeCaptioner is closed");
      }
      List<long[]> ids = new ArrayList<>(texts.size());
      for (String t : texts) {
        ids.add(prompts.encode(t, frames * model.config().videoTokensPerFrame()));
      }
      // left padding keeps every row's last prompt token in the last column; the model takes
      // positions from the mask, so a padded row sees the same positions as when run alone
      PromptBatch batch = PromptBatch.leftPad(ids, options.padTokenId());
      try (NDManager call = model.manager().newSubManager()) {
        NDArray pixels = video.batch(videos, call).pixelValues(); // (B, F, 3, H, W)
        GenerationResult r = generator.generate(batch, pixels, options, TokenListener.NONE);
        List<String> out = new ArrayList<>(videos.size());
        for (int b = 0; b < videos.size(); b++) {
          out.add(answer(r.sequence(b)));
        }
        LOG.debug("described a batch of {} videos of {} frames (prompt length {})", videos.size(),
            frames, batch.length());
        return out;
      }
    } finally {
      lock.unlock();
    }
  }

  /** Decoded answer: special tokens removed, trimmed, cut before the first stop string. */
  private String answer(long[] sequence) {
    String text = tokenizer.decode(sequence).strip();
    for (String stop : options.stopStrings()) {
      int at = text.indexOf(stop);
      if (at >= 0) {
        text = text.substring(0, at).strip();
      }
    }
    return text;
  }

  /** The model (for inspection; do not close it, {@link #close()} does). */
  public LlavaNextVideoModel model() {
    return model;
  }

  /** The tokenizer, e.g. to decode streamed token ids. */
  public TextTokenizer tokenizer() {
    return tokenizer;
  }

  /** The decoding options in use. */
  public GenerationOptions options() {
    return options;
  }

  /** Frees the model and the tokenizer, after any running call. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        tokenizer.close();
        model.close();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Builder of {@link ChangeCaptioner}. */
  public static final class Builder {
    private Path modelDir;
    private LlavaNextVideoModel model;
    private TextTokenizer tokenizer;
    private Device device;
    private Consumer<? super LlavaNextVideoModel> customizer = m -> {};
    private ChatTemplate template = ChatTemplate.LLAVA_NEXT_VIDEO;
    private PreprocessorConfig preprocessor;
    private GenerationOptions options;
    private int maxNewTokens = DEFAULT_MAX_NEW_TOKENS;

    private Builder() {}

    /**
     * Loads everything from a Hugging Face model folder: {@code config.json}, safetensors,
     * {@code tokenizer.json}, the processor config (CLIP defaults when absent) and
     * {@code generation_config.json} (EOS ids).
     *
     * @param dir the folder
     * @return this builder
     */
    public Builder setModelDir(Path dir) {
      this.modelDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * Uses a model and tokenizer already in memory (e.g. {@link TinyModels}); the captioner takes
     * ownership and closes both.
     *
     * @param model the model
     * @param tokenizer its tokenizer
     * @return this builder
     */
    public Builder setModel(LlavaNextVideoModel model, TextTokenizer tokenizer) {
      this.model = Objects.requireNonNull(model, "model");
      this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
      return this;
    }

    /**
     * Sets the device for a model loaded from a folder (default: DJL's default device).
     *
     * @param device the device
     * @return this builder
     */
    public Builder optDevice(Device device) {
      this.device = Objects.requireNonNull(device, "device");
      return this;
    }

    /**
     * Customises the model before first use, e.g. injects LoRA adapters or applies pruning masks from
     * other modules; core does not depend on them.
     *
     * @param customizer called once with the model, in {@link #build()}
     * @return this builder
     */
    public Builder optModelCustomizer(Consumer<? super LlavaNextVideoModel> customizer) {
      this.customizer = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Sets the chat template (default {@link ChatTemplate#LLAVA_NEXT_VIDEO}).
     *
     * @param template the template
     * @return this builder
     */
    public Builder optTemplate(ChatTemplate template) {
      this.template = Objects.requireNonNull(template, "template");
      return this;
    }

    /**
     * Sets the image processor (default: the model folder's, else CLIP's at the tower's size).
     *
     * @param config the processor config
     * @return this builder
     */
    public Builder optPreprocessor(PreprocessorConfig config) {
      this.preprocessor = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets the decoding options (default: greedy, {@link #DEFAULT_MAX_NEW_TOKENS}, the checkpoint's EOS
     * ids). Overrides {@link #optMaxNewTokens}.
     *
     * @param options the options
     * @return this builder
     */
    public Builder optGenerationOptions(GenerationOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Sets the answer length cap for the default options (default 350).
     *
     * @param n the most new tokens
     * @return this builder
     */
    public Builder optMaxNewTokens(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + n);
      }
      this.maxNewTokens = n;
      return this;
    }

    /**
     * Loads (if needed), customises and wraps the model.
     *
     * @return the captioner
     * @throws IOException if a file of the model folder cannot be read
     * @throws MalformedModelException if the checkpoint does not match its config
     */
    public ChangeCaptioner build() throws IOException, MalformedModelException {
      if ((modelDir == null) == (model == null)) {
        throw new IllegalStateException("set exactly one of setModelDir(...) and setModel(...)");
      }
      LlavaNextVideoModel m = model;
      TextTokenizer t = tokenizer;
      GenerationConfig gen = null;
      PreprocessorConfig pre = preprocessor;
      try {
        if (modelDir != null) {
          if (!Files.isDirectory(modelDir)) {
            throw new java.nio.file.NoSuchFileException(modelDir.toString(), null, "no model folder");
          }
          LlavaNextVideoConfig cfg = HfConfigs.readLlavaNextVideo(modelDir.resolve(HfConfigs.CONFIG_FILE));
          t = loadTokenizer(modelDir, cfg);
          m = LlavaNextVideoModel.load(modelDir, device == null ? ai.djl.engine.Engine.getInstance().defaultDevice() : device);
          Path genFile = modelDir.resolve(HfConfigs.GENERATION_CONFIG_FILE);
          if (Files.isRegularFile(genFile)) {
            gen = HfConfigs.readGeneration(genFile);
          }
          if (pre == null) {
            pre = PreprocessorConfig.fromModelDir(modelDir);
          }
        }
        int size = m.config().visionConfig().imageSize();
        if (pre == null) {
          pre = PreprocessorConfig.clipDefaults().withSize(size);
        }
        customizer.accept(m);
        GenerationOptions opts = options != null ? options : defaults(m.config(), gen, maxNewTokens);
        return new ChangeCaptioner(m, t, template, pre, opts);
      } catch (IOException | MalformedModelException | RuntimeException e) {
        if (modelDir != null) { // we loaded them, so we free them; given ones stay the caller's
          if (m != null) {
            m.close();
          }
          if (t != null) {
            t.close();
          }
        }
        throw e;
      }
    }

    /** The folder's tokenizer, with the model's video and image tokens added if the file lacks them. */
    private static TextTokenizer loadTokenizer(Path dir, LlavaNextVideoConfig cfg) throws IOException {
      return TextTokenizer.loadWithMediaTokens(dir, cfg.videoTokenIndex(), cfg.imageTokenIndex());
    }

    private static GenerationOptions defaults(
        LlavaNextVideoConfig cfg, GenerationConfig gen, int maxNewTokens) {
      List<Long> eos = new ArrayList<>();
      List<Integer> src =
          gen != null && !gen.eosTokenId().isEmpty() ? gen.eosTokenId() : cfg.textConfig().eosTokenId();
      for (Integer id : src) {
        eos.add(id.longValue());
      }
      Integer pad = gen != null && gen.padTokenId() != null ? gen.padTokenId() : cfg.textConfig().padTokenId();
      return GenerationOptions.builder()
          .optMaxNewTokens(maxNewTokens)
          .optEosTokenIds(eos)
          .optPadTokenId(pad == null ? 0 : pad)
          .build();
    }
  }
}
