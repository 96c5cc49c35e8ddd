package io.github.geollava.examples.cli;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geollava.core.generate.GenerationOptions;
import io.github.geollava.core.generate.GenerationResult;
import io.github.geollava.core.generate.Generator;
import io.github.geollava.core.generate.PromptBatch;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava generate}: low-level greedy generation from token ids and pixel values, for parity
 * checks against other implementations (Hugging Face's {@code generate} with {@code do_sample=False}).
 *
 * <p>Inputs: {@code F.json} = {@code {"input_ids": [[...], ...], "attention_mask": [[...], ...]}}, already
 * left-padded; {@code G.safetensors} holding {@code pixel_values_videos} {@code [B, T, 3, H, W]}, already
 * normalised. Output: {@code {"sequences": [[new ids], ...]}}, and with {@code --logits-out} the prefill
 * {@code logits} {@code [B, S, V]} float32 as safetensors.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Greedy generation from token ids and video pixel values (parity checks):",
      "writes the new ids of every row, and optionally the prefill logits."
    })
public final class GenerateCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The tensor name in {@code --video}. */
  static final String PIXELS = "pixel_values_videos";

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Hugging Face model folder (config.json, safetensors).")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "F.json",
      description = "{\"input_ids\": [[...]], \"attention_mask\": [[...]]}, left-padded.")
  Path input;

  @Option(names = "--video", paramLabel = "G.safetensors",
      description = "Safetensors with pixel_values_videos [B, T, 3, H, W] (omit for text only).")
  Path video;

  @Option(names = "--max-new-tokens", defaultValue = "20", paramLabel = "N",
      description = "New tokens per row (default: ${DEFAULT-VALUE}).")
  int maxNewTokens;

  @Option(names = "--eos", paramLabel = "ID", split = ",",
      description = "EOS ids that end a row (default: none, so every row gets N tokens).")
  List<Long> eos = new ArrayList<>();

  @Option(names = "--no-cache",
      description = "Re-run the whole sequence at every step instead of using the KV cache.")
  boolean noCache;

  @Option(names = "--device", defaultValue = "default", paramLabel = "cpu|gpu|default",
      description = "Where the model runs (default: DJL's default device).")
  String device;

  @Option(names = "--logits-out", paramLabel = "H.safetensors",
      description = "Also write the prefill logits [B, S, V] float32 (tensor 'logits').")
  Path logitsOut;

  @Option(names = "--out", required = true, paramLabel = "OUT.json",
      description = "Output: {\"sequences\": [[new ids], ...]}.")
  Path out;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Override
  public Integer call() throws IOException {
    if (maxNewTokens < 1) {
      throw new IllegalArgumentException("--max-new-tokens must be >= 1, got " + maxNewTokens);
    }
    PromptBatch prompts = readPrompts(input);
    try (LlavaNextVideoModel m = load(model, device(device));
        NDManager manager = m.manager().newSubManager()) {
      modelOptions.applyTo(m);
      NDArray pixels = video == null ? null : readPixels(video, prompts.batchSize(), manager);
      GenerationOptions options =
          GenerationOptions.builder()
              .optMaxNewTokens(maxNewTokens)
              .optEosTokenIds(eos)
              .optUseCache(!noCache)
              .build();
      GenerationResult r = Generator.of(m).generate(prompts, pixels, options);
      if (logitsOut != null) {
        writeLogits(m, prompts, pixels, manager);
      }
      writeSequences(r, out);
      spec.commandLine()
          .getOut()
          .printf("generated %d row(s) x up to %d tokens -> %s%n", r.batchSize(), maxNewTokens, out);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  /** Loads a model folder; a checkpoint that does not match its config is bad input (exit 2). */
  static LlavaNextVideoModel load(Path dir, Device device) throws IOException {
    try {
      return LlavaNextVideoModel.load(dir, device);
    } catch (MalformedModelException e) {
      throw new BadInputException(dir + ": " + e.getMessage(), e);
    }
  }

  static Device device(String name) {
    switch (name) {
      case "cpu":
        return Device.cpu();
      case "gpu":
        return Device.gpu();
      case "default":
        return Engine.getInstance().defaultDevice();
      default:
        throw new IllegalArgumentException("--device must be cpu, gpu or default, got " + name);
    }
  }

  /** Reads and validates F.json; a missing attention_mask means all ones. */
  static PromptBatch readPrompts(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadInputException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(file + ": expected a JSON object with \"input_ids\"");
    }
    long[][] ids = matrix(file, root, "input_ids");
    long[][] mask;
    if (root.has("attention_mask")) {
      mask = matrix(file, root, "attention_mask");
    } else {
      mask = new long[ids.length][];
      for (int b = 0; b < ids.length; b++) {
        mask[b] = new long[ids[b].length];
        java.util.Arrays.fill(mask[b], 1L);
      }
    }
    try {
      return new PromptBatch(ids, mask);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
  }

  private static long[][] matrix(Path file, JsonNode root, String field) {
    JsonNode rows = root.get(field);
    if (rows == null || !rows.isArray() || rows.isEmpty()) {
      throw new BadInputException(file + ": \"" + field + "\" must be a non-empty array of arrays");
    }
    long[][] out = new long[rows.size()][];
    for (int b = 0; b < rows.size(); b++) {
      JsonNode row = rows.get(b);
      if (!row.isArray()) {
        throw new BadInputException(file + ": \"" + field + "\"[" + b + "] must be an array");
      }
      out[b] = new long[row.size()];
      for (int i = 0; i < row.size(); i++) {
        JsonNode v = row.get(i);
        if (!v.isIntegralNumber()) {
          throw new BadInputException(
              file + ": \"" + field + "\"[" + b + "][" + i + "] must be an integer, got " + v);
        }
        out[b][i] = v.asLong();
      }
    }
    return out;
  }

  /** Reads pixel_values_videos and checks it is (B, T, 3, H, W) for the prompts' batch size. */
  static NDArray readPixels(Path file, int batch, NDManager manager) throws IOException {
    SafetensorsFile opened;
    try {
      opened = SafetensorsFile.open(file);
    } catch (io.github.geollava.core.safetensors.MalformedSafetensorsException e) {
      throw new BadInputException(file + ": " + e.getMessage(), e);
    }
    try (SafetensorsFile st = opened) {
      if (!st.contains(PIXELS)) {
        throw new BadInputException(file + ": no tensor '" + PIXELS + "' (found " + st.names() + ")");
      }
      NDArray px = st.load(PIXELS, manager);
      Shape s = px.getShape();
      if (s.dimension() != 5 || s.get(0) != batch || s.get(2) != 3) {
        throw new BadInputException(
            file + ": '" + PIXELS + "' has shape " + s + "; expected [" + batch + ", T, 3, H, W]");
      }
      return px;
    }
  }

  private void writeLogits(
      LlavaNextVideoModel m, PromptBatch prompts, NDArray pixels, NDManager manager)
      throws IOException {
    int b = prompts.batchSize();
    int s = prompts.length();
    long[] ids = new long[b * s];
    long[] mask = new long[b * s];
    for (int r = 0; r < b; r++) {
      System.arraycopy(prompts.inputIds()[r], 0, ids, r * s, s);
      System.arraycopy(prompts.attentionMask()[r], 0, mask, r * s, s);
    }
    try (NDManager sub = manager.newSubManager()) {
      NDArray logits =
          m.logits(sub.create(ids, new Shape(b, s)), sub.create(mask, new Shape(b, s)), pixels, null);
      SafetensorsWriter.create().metadata("format", "pt").put("logits", logits).write(logitsOut);
    }
  }

  /** Writes {"sequences": [[...]]} atomically. */
  static void writeSequences(GenerationResult r, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode seqs = root.putArray("sequences");
    for (int b = 0; b < r.batchSize(); b++) {
      ArrayNode row = seqs.addArray();
      for (long id : r.sequence(b)) {
        row.add(id);
      }
    }
    writeAtomically(file, JSON.writeValueAsString(root) + "\n");
  }

  static void writeAtomically(Path file, String text) throws IOException {
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
