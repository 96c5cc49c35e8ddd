package io.github.geollava.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes Hugging Face {@code config.json} and {@code generation_config.json} files.
 * {@link #read(Path)} dispatches on {@code model_type}: {@code llava_next_video} gives a
 * {@link LlavaNextVideoConfig}, {@code video_llava} a {@link VideoLlavaConfig}.
 */
public final class HfConfigs {

  /** Name of a checkpoint's model config. */
  public static final String CONFIG_FILE = "config.json";

  /** Name of a checkpoint's decoding defaults. */
  public static final String GENERATION_CONFIG_FILE = "generation_config.json";

  private HfConfigs() {}

  /**
   * Reads a model config, dispatching on its {@code model_type}.
   *
   * @param configJson a {@code config.json} file, or the folder holding one
   * @return a {@link LlavaNextVideoConfig} or a {@link VideoLlavaConfig}
   * @throws IOException if the file cannot be read or is not JSON (the message names it)
   * @throws IllegalArgumentException if a field is invalid or the model type is not supported; the
   *     message names the file and the field
   */
  public static Record read(Path configJson) throws IOException {
    Path file = Files.isDirectory(configJson) ? configJson.resolve(CONFIG_FILE) : configJson;
    JsonNode root = readTree(file);
    JsonNode type = root.get("model_type");
    String modelType = type == null || type.isNull() ? null : type.asText();
    try {
      if (LlavaNextVideoConfig.MODEL_TYPE.equals(modelType)) {
        return LlavaNextVideoConfig.fromJson(root);
      }
      if (VideoLlavaConfig.MODEL_TYPE.equals(modelType)) {
        return VideoLlavaConfig.fromJson(root);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(file + ": model_type " + Checks.quote(modelType)
        + " is not supported; expected '" + LlavaNextVideoConfig.MODEL_TYPE + "' or '"
        + VideoLlavaConfig.MODEL_TYPE + "'");
  }

  /**
   * Reads a LLaVA-NeXT-Video config, failing clearly for any other model type.
   *
   * @param configJson a {@code config.json} file, or the folder holding one
   * @return the config
   * @throws IOException if the file cannot be read or is not JSON
   */
  public static LlavaNextVideoConfig readLlavaNextVideo(Path configJson) throws IOException {
    Record r = read(configJson);
    if (r instanceof LlavaNextVideoConfig c) {
      return c;
    }
    throw new IllegalArgumentException(configJson + ": expected model_type '"
        + LlavaNextVideoConfig.MODEL_TYPE + "', got a " + r.getClass().getSimpleName());
  }

  /**
   * Reads {@code generation_config.json}.
   *
   * @param file the file, or the folder holding one
   * @return the config
   * @throws IOException if the file cannot be read or is not JSON
   */
  public static GenerationConfig readGeneration(Path file) throws IOException {
    Path f = Files.isDirectory(file) ? file.resolve(GENERATION_CONFIG_FILE) : file;
    try {
      return GenerationConfig.fromJson(readTree(f));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a config object atomically (temporary file in the same folder, then a rename).
   *
   * @param json the JSON object, e.g. {@link LlavaNextVideoConfig#toJson()}
   * @param file the destination
   * @throws IOException if writing fails
   */
  public static void write(JsonNode json, Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, ConfigJson.toJsonString(json), StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static JsonNode readTree(Path file) throws IOException {
    try {
      JsonNode root = ConfigJson.MAPPER.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw new IOException(file + ": expected a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
