package io.github.geollava.dataset.fmow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON boundary of {@link FmowMetadata}: fMoW keys to record components and back. */
final class FmowJson {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private FmowJson() {}

  static FmowMetadata fromTree(ObjectNode root, String source) throws FmowFormatException {
    JsonNode ts = root.get("timestamp");
    if (ts == null || ts.isNull() || (ts.isTextual() && ts.asText().isBlank())) {
      throw new FmowFormatException(
          source, FmowFormatException.Problem.MISSING_FIELD, "timestamp",
          "missing; every fMoW image needs its capture time", null);
    }
    if (!ts.isTextual()) {
      throw invalid(source, "timestamp", "expected ISO-8601 text, found " + ts.getNodeType());
    }
    // The timestamp itself is validated once, by the record's constructor below.
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : root.properties()) {
      if (!FmowMetadata.KNOWN_FIELDS.contains(f.getKey())) {
        extra.put(f.getKey(), plain(f.getValue()));
      }
    }
    try {
      return new FmowMetadata(
          text(root, "img_filename", source),
          integer(root, "img_width", source),
          integer(root, "img_height", source),
          ts.asText(),
          number(root, "gsd", source),
          number(root, "cloud_cover", source),
          text(root, "country_code", source),
          text(root, "utm", source),
          text(root, "scan_direction", source),
          FmowMetadata.boxesOf(root.get("bounding_boxes"), source),
          extra);
    } catch (IllegalArgumentException e) {
      // The record's own validation names the field first ("img_width: ..."); keep that wording.
      String msg = e.getMessage();
      int colon = msg == null ? -1 : msg.indexOf(':');
      String field = colon > 0 ? msg.substring(0, colon) : null;
      String detail = colon > 0 ? msg.substring(colon + 1).strip() : String.valueOf(msg);
      throw new FmowFormatException(
          source, FmowFormatException.Problem.INVALID_FIELD, field, detail, e);
    }
  }

  /**
   * A JSON tree as plain Java values (maps, lists, strings, numbers, booleans, null); the scanner's
   * hot path, several times faster than {@code ObjectMapper.convertValue}.
   */
  static Object plain(JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          m.put(e.getKey(), plain(e.getValue()));
        }
        return m;
      }
      case ARRAY: {
        List<Object> l = new ArrayList<>(n.size());
        for (JsonNode v : n) {
          l.add(plain(v));
        }
        return l;
      }
      case STRING:
        return n.textValue();
      case NUMBER:
        return n.numberValue();
      case BOOLEAN:
        return n.booleanValue();
      case NULL:
      case MISSING:
        return null;
      default:
        return PLAIN.convertValue(n, Object.class);
    }
  }

  static ObjectNode toTree(FmowMetadata m, ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    if (m.imgFilename() != null) {
      o.put("img_filename", m.imgFilename());
    }
    if (m.imgWidth() != null) {
      o.put("img_width", m.imgWidth());
    }
    if (m.imgHeight() != null) {
      o.put("img_height", m.imgHeight());
    }
    if (m.gsd() != null) {
      o.put("gsd", m.gsd());
    }
    if (m.cloudCover() != null) {
      putNumber(o, "cloud_cover", m.cloudCover());
    }
    if (m.countryCode() != null) {
      o.put("country_code", m.countryCode());
    }
    if (m.utm() != null) {
      o.put("utm", m.utm());
    }
    if (m.scanDirection() != null) {
      o.put("scan_direction", m.scanDirection());
    }
    o.put("timestamp", m.timestamp());
    o.set("bounding_boxes", FmowMetadata.boxesTree(m.boundingBoxes(), mapper));
    for (Map.Entry<String, Object> e : m.extra().entrySet()) {
      o.set(e.getKey(), mapper.valueToTree(e.getValue()));
    }
    return o;
  }

  /** fMoW writes whole percentages as integers; keep them integral on the way out. */
  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
      o.put(key, (long) v);
    } else {
      o.put(key, v);
    }
  }

  static BoundingBox box(JsonNode node, String source, int index) throws FmowFormatException {
    String where = "bounding_boxes[" + index + "]";
    if (!node.isObject()) {
      throw invalid(source, where, "expected an object, found " + node.getNodeType());
    }
    JsonNode box = node.get("box");
    if (box == null || !box.isArray() || box.size() != 4) {
      throw invalid(source, where + ".box", "expected [x, y, w, h], found " + box);
    }
    for (JsonNode v : box) {
      if (!v.isNumber()) {
        throw invalid(source, where + ".box", "expected four numbers, found " + box);
      }
    }
    JsonNode id = node.get("ID");
    JsonNode cat = node.get("category");
    JsonNode vis = node.get("visible");
    boolean visible = vis == null || vis.isNull()
        || (vis.isBoolean() ? vis.booleanValue()
            : vis.isNumber() ? vis.intValue() != 0 : Boolean.parseBoolean(vis.asText()));
    try {
      return new BoundingBox(
          id == null || id.isNull() ? 0L : id.asLong(),
          box.get(0).intValue(),
          box.get(1).intValue(),
          box.get(2).intValue(),
          box.get(3).intValue(),
          cat == null || cat.isNull() ? null : cat.asText(),
          visible);
    } catch (IllegalArgumentException e) {
      throw new FmowFormatException(
          source, FmowFormatException.Problem.INVALID_FIELD, where, e.getMessage(), e);
    }
  }

  private static String text(ObjectNode root, String key, String source)
      throws FmowFormatException {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode()) {
      throw invalid(source, key, "expected text, found " + n.getNodeType());
    }
    return n.asText();
  }

  private static Integer integer(ObjectNode root, String key, String source)
      throws FmowFormatException {
    Double d = number(root, key, source);
    if (d == null) {
      return null;
    }
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw invalid(source, key, "expected an integer, found " + d);
    }
    return d.intValue();
  }

  private static Double number(ObjectNode root, String key, String source)
      throws FmowFormatException {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      // Some fMoW exports quote numbers; accept them but name the field when they do not parse.
      try {
        return Double.parseDouble(n.asText().strip());
      } catch (NumberFormatException e) {
        throw invalid(source, key, "expected a number, found '" + n.asText() + "'");
      }
    }
    throw invalid(source, key, "expected a number, found " + n.getNodeType());
  }

  private static FmowFormatException invalid(String source, String field, String detail) {
    return new FmowFormatException(
        source, FmowFormatException.Problem.INVALID_FIELD, field, detail, null);
  }
}
