package io.github.geollava.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code preprocessor_config.json} / {@code video_preprocessor_config.json}: how Hugging Face's CLIP and
 * LLaVA-NeXT-Video image processors turn a frame into pixels. Keys a file leaves out take the CLIP
 * ViT-L/14-336 values ({@link #clipDefaults()}); unknown keys are kept in {@link #extras()}.
 *
 * <p>{@code size} is either <code>{"shortest_edge": S}</code> (resize so the shorter side is S, keeping
 * the aspect ratio as transformers' {@code get_resize_output_image_size} truncates it), or
 * <code>{"height": H, "width": W}</code>, or a bare integer (old files: the shortest edge).
 * {@code crop_size} is <code>{"height": H, "width": W}</code> or a bare integer (square).
 *
 * @param imageProcessorType {@code image_processor_type}, e.g. {@code LlavaNextVideoImageProcessor}
 * @param doResize {@code do_resize}
 * @param shortestEdge {@code size.shortest_edge}, or null when an exact height and width are given
 * @param resizeHeight {@code size.height}, or null with a shortest edge
 * @param resizeWidth {@code size.width}, or null with a shortest edge
 * @param resample {@code resample}: PIL's filter code (1 Lanczos, 2 bilinear, 3 bicubic, 4 box, 5
 *     Hamming)
 * @param doCenterCrop {@code do_center_crop}
 * @param cropHeight {@code crop_size.height}
 * @param cropWidth {@code crop_size.width}
 * @param doRescale {@code do_rescale}
 * @param rescaleFactor {@code rescale_factor}, 1/255 for 8-bit images
 * @param doNormalize {@code do_normalize}
 * @param imageMean {@code image_mean}, one value per RGB channel
 * @param imageStd {@code image_std}, one positive value per RGB channel
 * @param doConvertRgb {@code do_convert_rgb}
 * @param extras every other key of the JSON object, in file order
 */
public record PreprocessorConfig(
    String imageProcessorType,
    boolean doResize,
    Integer shortestEdge,
    Integer resizeHeight,
    Integer resizeWidth,
    int resample,
    boolean doCenterCrop,
    int cropHeight,
    int cropWidth,
    boolean doRescale,
    double rescaleFactor,
    boolean doNormalize,
    List<Double> imageMean,
    List<Double> imageStd,
    boolean doConvertRgb,
    Map<String, JsonNode> extras) {

  /** The video processor's file name in a LLaVA-NeXT-Video checkpoint. */
  public static final String VIDEO_FILE = "video_preprocessor_config.json";
  /** The image processor's file name. */
  public static final String IMAGE_FILE = "preprocessor_config.json";

  /** OpenAI CLIP's per-channel mean. */
  public static final List<Double> CLIP_MEAN = List.of(0.48145466, 0.4578275, 0.40821073);
  /** OpenAI CLIP's per-channel standard deviation. */
  public static final List<Double> CLIP_STD = List.of(0.26862954, 0.26130258, 0.27577711);
  /** PIL's code for bicubic resampling. */
  public static final int BICUBIC = 3;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> KNOWN = Set.of("image_processor_type", "do_resize", "size",
      "resample", "do_center_crop", "crop_size", "do_rescale", "rescale_factor", "do_normalize",
      "image_mean", "image_std", "do_convert_rgb");

  /** Validates every field; messages name the field and the value found. */
  public PreprocessorConfig {
    if (shortestEdge != null) {
      positive("size.shortest_edge", shortestEdge);
      if (resizeHeight != null || resizeWidth != null) {
        throw new IllegalArgumentException(
            "size must have either shortest_edge or height and width, got shortest_edge="
                + shortestEdge + ", height=" + resizeHeight + ", width=" + resizeWidth);
      }
    } else {
      if (resizeHeight == null || resizeWidth == null) {
        throw new IllegalArgumentException(
            "size must have shortest_edge, or both height and width; got height=" + resizeHeight
                + ", width=" + resizeWidth);
      }
      positive("size.height", resizeHeight);
      positive("size.width", resizeWidth);
    }
    if (resample < 1 || resample > 5) {
      throw new IllegalArgumentException("resample must be a PIL filter code 1..5 (3 = bicubic), got "
          + resample + " (0 = nearest is not supported)");
    }
    positive("crop_size.height", cropHeight);
    positive("crop_size.width", cropWidth);
    if (!(rescaleFactor > 0) || Double.isInfinite(rescaleFactor)) {
      throw new IllegalArgumentException("rescale_factor must be a finite number > 0, got "
          + rescaleFactor);
    }
    imageMean = channels("image_mean", imageMean, false);
    imageStd = channels("image_std", imageStd, true);
    extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  private static void positive(String field, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + v);
    }
  }

  private static List<Double> channels(String field, List<Double> v, boolean positive) {
    if (v == null || v.size() != 3) {
      throw new IllegalArgumentException(field + " must have 3 values (R, G, B), got " + v);
    }
    for (Double d : v) {
      if (d == null || !Double.isFinite(d) || (positive && d <= 0)) {
        throw new IllegalArgumentException(
            field + " values must be finite" + (positive ? " and > 0" : "") + ", got " + v);
      }
    }
    return List.copyOf(v);
  }

  /**
   * The processor of CLIP ViT-L/14-336 as LLaVA-NeXT-Video ships it: shortest edge 336, bicubic,
   * centre crop 336x336, rescale 1/255, OpenAI CLIP mean and std, RGB.
   */
  public static PreprocessorConfig clipDefaults() {
    return new PreprocessorConfig("LlavaNextVideoImageProcessor", true, 336, null, null, BICUBIC,
        true, 336, 336, true, 1 / 255.0, true, CLIP_MEAN, CLIP_STD, true, Map.of());
  }

  /**
   * A copy that resizes the shortest edge to {@code size} and crops {@code size x size}, e.g. 56 for
   * the tiny test model.
   */
  public PreprocessorConfig withSize(int size) {
    return new PreprocessorConfig(imageProcessorType, doResize, size, null, null, resample,
        doCenterCrop, size, size, doRescale, rescaleFactor, doNormalize, imageMean, imageStd,
        doConvertRgb, extras);
  }

  /**
   * Output frame height: the crop height, the exact resize height without a crop, or -1 when it
   * depends on the input (no crop, shortest-edge resize or no resize).
   */
  public int outputHeight() {
    return doCenterCrop ? cropHeight : doResize && shortestEdge == null ? resizeHeight : -1;
  }

  /** Output frame width, like {@link #outputHeight()}. */
  public int outputWidth() {
    return doCenterCrop ? cropWidth : doResize && shortestEdge == null ? resizeWidth : -1;
  }

  /**
   * The processor config of a model folder: {@value #VIDEO_FILE} if present, else {@value #IMAGE_FILE},
   * else {@link #clipDefaults()}.
   *
   * @throws IOException if a present file cannot be read
   * @throws IllegalArgumentException if a present file is malformed (the message names it)
   */
  public static PreprocessorConfig fromModelDir(Path dir) throws IOException {
    for (String name : List.of(VIDEO_FILE, IMAGE_FILE)) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return read(p);
      }
    }
    return clipDefaults();
  }

  /**
   * Reads one JSON file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the file and the field if it is malformed
   */
  public static PreprocessorConfig read(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      return fromJson(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses JSON text; absent keys take the {@link #clipDefaults()} values.
   *
   * @throws IllegalArgumentException naming the field if the text is malformed
   */
  public static PreprocessorConfig fromJson(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not well-formed JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a preprocessor config must be a JSON object");
    }
    PreprocessorConfig d = clipDefaults();
    Integer shortest = d.shortestEdge();
    Integer height = null;
    Integer width = null;
    JsonNode size = root.get("size");
    if (size != null && !size.isNull()) {
      if (size.isIntegralNumber()) {
        shortest = size.intValue();
      } else if (size.isObject() && size.has("shortest_edge")) {
        shortest = intField(size, "shortest_edge", "size.shortest_edge");
      } else if (size.isObject()) {
        shortest = null;
        height = intField(size, "height", "size.height");
        width = intField(size, "width", "size.width");
      } else {
        throw new IllegalArgumentException("size must be an integer or an object, got " + size);
      }
    }
    int cropH = d.cropHeight();
    int cropW = d.cropWidth();
    JsonNode crop = root.get("crop_size");
    if (crop != null && !crop.isNull()) {
      if (crop.isIntegralNumber()) {
        cropH = cropW = crop.intValue();
      } else if (crop.isObject()) {
        cropH = intField(crop, "height", "crop_size.height");
        cropW = intField(crop, "width", "crop_size.width");
      } else {
        throw new IllegalArgumentException("crop_size must be an integer or an object, got " + crop);
      }
    }
    Map<String, JsonNode> extras = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> {
      if (!KNOWN.contains(e.getKey())) {
        extras.put(e.getKey(), e.getValue());
      }
    });
    return new PreprocessorConfig(
        root.hasNonNull("image_processor_type") ? root.get("image_processor_type").asText()
            : d.imageProcessorType(),
        bool(root, "do_resize", d.doResize()), shortest, height, width,
        root.hasNonNull("resample") ? intField(root, "resample", "resample") : d.resample(),
        bool(root, "do_center_crop", d.doCenterCrop()), cropH, cropW,
        bool(root, "do_rescale", d.doRescale()),
        root.hasNonNull("rescale_factor") ? number(root, "rescale_factor") : d.rescaleFactor(),
        bool(root, "do_normalize", d.doNormalize()),
        channelsField(root, "image_mean", d.imageMean()),
        channelsField(root, "image_std", d.imageStd()),
        bool(root, "do_convert_rgb", d.doConvertRgb()), extras);
  }

  private static int intField(JsonNode node, String key, String field) {
    JsonNode v = node.get(key);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(field + " must be an integer, got " + v);
    }
    return v.intValue();
  }

  private static boolean bool(JsonNode root, String key, boolean dflt) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(key + " must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  private static double number(JsonNode root, String key) {
    JsonNode v = root.get(key);
    if (!v.isNumber()) {
      throw new IllegalArgumentException(key + " must be a number, got " + v);
    }
    return v.doubleValue();
  }

  private static List<Double> channelsField(JsonNode root, String key, List<Double> dflt) {
    JsonNode v = root.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (v.isNumber()) {
      // transformers accepts one number for all channels
      return List.of(v.doubleValue(), v.doubleValue(), v.doubleValue());
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(key + " must be a list of 3 numbers, got " + v);
    }
    List<Double> out = new java.util.ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isNumber()) {
        throw new IllegalArgumentException(key + " must be a list of 3 numbers, got " + v);
      }
      out.add(x.doubleValue());
    }
    return out;
  }

  /** The config as Hugging Face writes it (known keys in the usual spelling, then the extras). */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode crop = o.putObject("crop_size");
    crop.put("height", cropHeight).put("width", cropWidth);
    o.put("do_center_crop", doCenterCrop);
    o.put("do_convert_rgb", doConvertRgb);
    o.put("do_normalize", doNormalize);
    o.put("do_rescale", doRescale);
    o.put("do_resize", doResize);
    ArrayNode mean = o.putArray("image_mean");
    imageMean.forEach(mean::add);
    o.put("image_processor_type", imageProcessorType);
    ArrayNode std = o.putArray("image_std");
    imageStd.forEach(std::add);
    o.put("resample", resample);
    o.put("rescale_factor", rescaleFactor);
    ObjectNode s = o.putObject("size");
    if (shortestEdge != null) {
      s.put("shortest_edge", shortestEdge);
    } else {
      s.put("height", resizeHeight).put("width", resizeWidth);
    }
    extras.forEach(o::set);
    try {
      return JSON.writeValueAsString(o) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a preprocessor config", e);
    }
  }
}
