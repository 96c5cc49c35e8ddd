package io.github.geollava.dataset.fmow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fMoW {@code _rgb.json} metadata file. JSON keys are mapped only here, at the boundary
 * ({@code img_filename} to {@link #imgFilename()} and so on); every field fMoW has that this record
 * does not name is kept, in file order, in {@link #extra()} and written back by {@link #write(Path)}.
 *
 * <p>Numeric fields are boxed because fMoW files do not always carry them: {@code null} means absent
 * and is not written. {@code bounding_boxes} is a list in most files and a single object in some;
 * both read into {@link #boundingBoxes()}.
 *
 * @param imgFilename {@code img_filename}, e.g. {@code airport_hangar_23_6_rgb.jpg}; may be null
 * @param imgWidth {@code img_width} in pixels, null when absent
 * @param imgHeight {@code img_height} in pixels, null when absent
 * @param timestamp {@code timestamp}, ISO-8601 UTC text exactly as in the file (required)
 * @param gsd {@code gsd}, ground sample distance in metres per pixel, null when absent
 * @param cloudCover {@code cloud_cover} in percent, null when absent
 * @param countryCode {@code country_code}, e.g. {@code USA}; may be null
 * @param utm {@code utm} zone, e.g. {@code 15R}; may be null
 * @param scanDirection {@code scan_direction}, e.g. {@code Forward}; may be null
 * @param boundingBoxes {@code bounding_boxes}, never null (empty when absent)
 * @param extra every other field of the file, in file order, as plain Java values
 */
public record FmowMetadata(
    String imgFilename,
    Integer imgWidth,
    Integer imgHeight,
    String timestamp,
    Double gsd,
    Double cloudCover,
    String countryCode,
    String utm,
    String scanDirection,
    List<BoundingBox> boundingBoxes,
    Map<String, Object> extra) {

  /** The JSON keys this record maps to components; everything else goes to {@link #extra()}. */
  public static final Set<String> KNOWN_FIELDS =
      Set.of(
          "img_filename",
          "img_width",
          "img_height",
          "timestamp",
          "gsd",
          "cloud_cover",
          "country_code",
          "utm",
          "scan_direction",
          "bounding_boxes");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Validates the fields; the timestamp must parse (see {@link FmowTimestamps}). */
  public FmowMetadata {
    FmowTimestamps.parse(timestamp);
    if (imgWidth != null && imgWidth <= 0) {
      throw new IllegalArgumentException("img_width: must be > 0, found " + imgWidth);
    }
    if (imgHeight != null && imgHeight <= 0) {
      throw new IllegalArgumentException("img_height: must be > 0, found " + imgHeight);
    }
    boundingBoxes = boundingBoxes == null ? List.of() : List.copyOf(boundingBoxes);
    if (extra == null || extra.isEmpty()) {
      extra = Map.of();
    } else {
      for (String key : extra.keySet()) {
        if (KNOWN_FIELDS.contains(key)) {
          throw new IllegalArgumentException(
              "extra: key '" + key + "' is a named component of FmowMetadata, set it there");
        }
      }
      // LinkedHashMap keeps the file's field order (Map.copyOf would not); values may be null.
      extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
  }

  /**
   * A metadata record with only the fields a pair builder needs; the rest absent.
   *
   * @param imgFilename the image file name
   * @param timestamp the capture time
   * @return the metadata
   */
  public static FmowMetadata of(String imgFilename, Instant timestamp) {
    return new FmowMetadata(
        imgFilename,
        null,
        null,
        FmowTimestamps.format(timestamp),
        null,
        null,
        null,
        null,
        null,
        List.of(),
        Map.of());
  }

  /**
   * The capture time.
   *
   * @return {@link #timestamp()} parsed as an instant
   */
  public Instant instant() {
    return FmowTimestamps.parse(timestamp);
  }

  /**
   * Reads an fMoW {@code _rgb.json} file.
   *
   * @param file the file
   * @return the metadata
   * @throws FmowFormatException naming the file and field when the content is not usable
   * @throws IOException when the file cannot be read
   */
  public static FmowMetadata read(Path file) throws IOException {
    return parse(Files.readAllBytes(file), file.toString());
  }

  /**
   * Parses fMoW metadata JSON.
   *
   * @param json UTF-8 JSON bytes
   * @param source the name used in error messages (usually the file path)
   * @return the metadata
   * @throws FmowFormatException naming the source and field when the content is not usable
   */
  public static FmowMetadata parse(byte[] json, String source) throws FmowFormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FmowFormatException(
          source, FmowFormatException.Problem.SYNTAX, null,
          "invalid JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FmowFormatException(
          source, FmowFormatException.Problem.SYNTAX, null, "invalid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new FmowFormatException(
          source, FmowFormatException.Problem.SYNTAX, null,
          "expected a JSON object, found " + (root == null ? "nothing" : root.getNodeType()), null);
    }
    return FmowJson.fromTree((ObjectNode) root, source);
  }

  /**
   * This record as fMoW JSON: named fields first, in fMoW's order, then {@link #extra()}.
   *
   * @return a JSON object tree
   */
  public ObjectNode toTree() {
    return FmowJson.toTree(this, MAPPER);
  }

  /**
   * This record as compact fMoW JSON text.
   *
   * @return the JSON text
   */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(toTree());
    } catch (JsonProcessingException e) {
      // A tree of plain values always serialises; reaching here is a bug, not bad input.
      throw new IllegalStateException("cannot serialise fMoW metadata " + imgFilename, e);
    }
  }

  /**
   * Writes this record as an fMoW {@code _rgb.json} file, atomically.
   *
   * @param file the file to create or replace
   * @throws IOException when writing fails
   */
  public void write(Path file) throws IOException {
    byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(toTree());
    AtomicFiles.write(file, bytes);
  }

  /** Helpers shared by the boxes list conversions; kept here so the record stays readable. */
  static List<BoundingBox> boxesOf(JsonNode node, String source) throws FmowFormatException {
    if (node == null || node.isNull()) {
      return List.of();
    }
    List<BoundingBox> out = new ArrayList<>();
    if (node.isObject()) {
      out.add(FmowJson.box(node, source, 0));
    } else if (node.isArray()) {
      Iterator<JsonNode> it = node.elements();
      int i = 0;
      while (it.hasNext()) {
        out.add(FmowJson.box(it.next(), source, i++));
      }
    } else {
      throw new FmowFormatException(
          source, FmowFormatException.Problem.INVALID_FIELD, "bounding_boxes",
          "expected a list or an object, found " + node.getNodeType(), null);
    }
    return out;
  }

  static ArrayNode boxesTree(List<BoundingBox> boxes, ObjectMapper mapper) {
    ArrayNode arr = mapper.createArrayNode();
    for (BoundingBox b : boxes) {
      ObjectNode o = arr.addObject();
      o.put("ID", b.id());
      ArrayNode box = o.putArray("box");
      box.add(b.x()).add(b.y()).add(b.width()).add(b.height());
      if (b.category() != null) {
        o.put("category", b.category());
      }
      o.put("visible", b.visible());
    }
    return arr;
  }
}
