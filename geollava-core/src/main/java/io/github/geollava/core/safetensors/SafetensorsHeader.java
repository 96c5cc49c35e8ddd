package io.github.geollava.core.safetensors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed and validated header: the rules of the Rust reference ({@code read_metadata} and
 * {@code Metadata::validate} in {@code safetensors/src/tensor.rs}).
 *
 * <ul>
 *   <li>the header length N is at most {@value #MAX_HEADER_SIZE} bytes and {@code 8 + N} fits in the
 *       file;
 *   <li>the header is UTF-8, starts with <code>{</code>, is one JSON object and nothing after it but
 *       whitespace (the padding);
 *   <li>{@code __metadata__} is absent, null or a map of strings to strings;
 *   <li>every tensor has a whitelisted dtype, a shape of non-negative integers and two data offsets;
 *   <li>sorted by offsets, tensors tile the data area exactly: the first starts at 0, each starts where
 *       the previous ended (no gap, no overlap), and the last ends at the end of the file;
 *   <li>each span is {@code numel x byteSize} bytes, computed without overflow.
 * </ul>
 *
 * <p>Duplicate JSON keys are rejected too (the reference silently keeps the last one, which hides a
 * broken writer).
 */
final class SafetensorsHeader {

  /** The reference's limit on the header size (100 MB), which stops absurd allocations. */
  static final long MAX_HEADER_SIZE = 100_000_000L;

  static final String METADATA_KEY = "__metadata__";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  final Map<String, String> metadata;
  /** Tensors in name order. */
  final Map<String, TensorInfo> tensors;

  private SafetensorsHeader(Map<String, String> metadata, Map<String, TensorInfo> tensors) {
    this.metadata = metadata;
    this.tensors = tensors;
  }

  /**
   * Validates the header length read from the first 8 bytes against the file size.
   *
   * @return the header length as an int
   */
  static int checkHeaderLength(Path file, long headerLength, long fileSize)
      throws MalformedSafetensorsException {
    if (fileSize < 8) {
      throw new MalformedSafetensorsException(
          file, null, "file has " + fileSize + " bytes, fewer than the 8-byte header length");
    }
    if (headerLength < 0 || headerLength > MAX_HEADER_SIZE) {
      throw new MalformedSafetensorsException(
          file,
          null,
          "header length " + Long.toUnsignedString(headerLength) + " exceeds the limit of "
              + MAX_HEADER_SIZE + " bytes");
    }
    if (8 + headerLength > fileSize) {
      throw new MalformedSafetensorsException(
          file, null, "header length " + headerLength + " runs past the end of the file (" + fileSize
              + " bytes)");
    }
    return (int) headerLength;
  }

  /**
   * Parses and validates a header.
   *
   * @param file the file, for messages
   * @param headerBytes the N header bytes
   * @param dataLength the size of the data area, file size minus {@code 8 + N}
   */
  static SafetensorsHeader parse(Path file, ByteBuffer headerBytes, long dataLength)
      throws MalformedSafetensorsException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(headerBytes)
              .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedSafetensorsException(file, null, "header is not valid UTF-8", e);
    }
    if (!text.startsWith("{")) {
      throw new MalformedSafetensorsException(
          file, null, "header does not start with '{' (found " + abbreviate(text) + ")");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new MalformedSafetensorsException(
          file, null, "header is not well-formed JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedSafetensorsException(file, null, "header is not a JSON object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    List<TensorInfo> infos = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (METADATA_KEY.equals(field.getKey())) {
        readMetadata(file, field.getValue(), metadata);
      } else {
        infos.add(readTensor(file, field.getKey(), field.getValue()));
      }
    }
    validateLayout(file, infos, dataLength);
    Map<String, TensorInfo> byName = new TreeMap<>();
    for (TensorInfo info : infos) {
      byName.put(info.name(), info);
    }
    return new SafetensorsHeader(
        Collections.unmodifiableMap(metadata), Collections.unmodifiableMap(byName));
  }

  private static void readMetadata(Path file, JsonNode node, Map<String, String> out)
      throws MalformedSafetensorsException {
    if (node.isNull()) {
      return;
    }
    if (!node.isObject()) {
      throw new MalformedSafetensorsException(
          file, null, "__metadata__ must be an object of strings, found " + node.getNodeType());
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw new MalformedSafetensorsException(
            file,
            null,
            "__metadata__ value of '" + e.getKey() + "' must be a string, found "
                + e.getValue().getNodeType());
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
  }

  private static TensorInfo readTensor(Path file, String name, JsonNode node)
      throws MalformedSafetensorsException {
    if (!node.isObject()) {
      throw new MalformedSafetensorsException(
          file, name, "entry must be an object with dtype, shape, data_offsets");
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw new MalformedSafetensorsException(file, name, "missing or non-string \"dtype\"");
    }
    SafetensorsDType dtype;
    try {
      dtype = SafetensorsDType.fromKey(dtypeNode.textValue());
    } catch (IllegalArgumentException e) {
      throw new MalformedSafetensorsException(file, name, e.getMessage(), e);
    }
    long[] shape = readUnsignedArray(file, name, node.get("shape"), "shape", -1);
    long[] offsets = readUnsignedArray(file, name, node.get("data_offsets"), "data_offsets", 2);
    if (offsets[1] < offsets[0]) {
      throw new MalformedSafetensorsException(
          file, name, "data_offsets [" + offsets[0] + ", " + offsets[1] + "] end before they begin");
    }
    TensorInfo info = new TensorInfo(name, dtype, shape, offsets[0], offsets[1]);
    long expected;
    try {
      expected = Math.multiplyExact(info.numel(), (long) dtype.byteSize());
    } catch (ArithmeticException e) {
      throw new MalformedSafetensorsException(file, name, "shape overflows: too many elements", e);
    }
    if (info.byteLength() != expected) {
      throw new MalformedSafetensorsException(
          file,
          name,
          "data_offsets span " + info.byteLength() + " bytes but shape x dtype needs " + expected);
    }
    return info;
  }

  private static long[] readUnsignedArray(
      Path file, String name, JsonNode node, String field, int requiredLength)
      throws MalformedSafetensorsException {
    if (node == null || !node.isArray()) {
      throw new MalformedSafetensorsException(file, name, "missing or non-array \"" + field + "\"");
    }
    if (requiredLength >= 0 && node.size() != requiredLength) {
      throw new MalformedSafetensorsException(
          file, name, "\"" + field + "\" must have " + requiredLength + " entries, found " + node.size());
    }
    long[] out = new long[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = node.get(i);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
        throw new MalformedSafetensorsException(
            file, name, "\"" + field + "\"[" + i + "] must be a non-negative integer, found " + v);
      }
      out[i] = v.longValue();
    }
    return out;
  }

  private static void validateLayout(Path file, List<TensorInfo> infos, long dataLength)
      throws MalformedSafetensorsException {
    List<TensorInfo> byOffset = new ArrayList<>(infos);
    byOffset.sort(
        Comparator.comparingLong(TensorInfo::begin)
            .thenComparingLong(TensorInfo::end)
            .thenComparing(TensorInfo::name));
    long expectedStart = 0;
    for (TensorInfo info : byOffset) {
      if (info.begin() != expectedStart) {
        String what = info.begin() < expectedStart ? "overlaps the previous tensor" : "leaves a gap";
        throw new MalformedSafetensorsException(
            file,
            info.name(),
            "data starts at " + info.begin() + " but the previous tensor ends at " + expectedStart
                + " (" + what + "; tensors must tile the data area contiguously)");
      }
      expectedStart = info.end();
    }
    if (expectedStart != dataLength) {
      throw new MalformedSafetensorsException(
          file,
          byOffset.isEmpty() ? null : byOffset.get(byOffset.size() - 1).name(),
          "tensors cover " + expectedStart + " bytes but the data area has " + dataLength
              + " bytes (truncated file or trailing bytes)");
    }
  }

  private static String abbreviate(String s) {
    String t = s.length() > 20 ? s.substring(0, 20) + "..." : s;
    return "'" + t.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
