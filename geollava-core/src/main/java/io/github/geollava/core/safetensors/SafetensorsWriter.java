package io.github.geollava.core.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects tensors, then writes one safetensors file exactly as the Rust reference serialises it
 * ({@code safetensors::tensor::serialize}, 0.4.x), so a file round-trips byte for byte:
 *
 * <ul>
 *   <li>tensors ordered by descending dtype rank of the reference's enum, then by name (UTF-8 bytes);
 *   <li>data packed contiguously in that order;
 *   <li>compact JSON header, {@code __metadata__} first (only when there is metadata, keys sorted),
 *       then {@code {"dtype":..,"shape":[..],"data_offsets":[b,e]}} per tensor, strings escaped as
 *       serde_json does;
 *   <li>the header padded with spaces to a multiple of 8 bytes, preceded by its u64 little-endian length.
 * </ul>
 *
 * <p>{@link #write(Path)} goes to a temporary file in the target folder, then an atomic rename, so a
 * reader never sees half a file. Not thread-safe.
 */
public final class SafetensorsWriter {

  private record Entry(String name, SafetensorsDType dtype, long[] shape, byte[] data) {}

  private final Map<String, String> metadata = new TreeMap<>(SafetensorsWriter::compareUtf8);
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private SafetensorsWriter() {}

  /** A new, empty writer. */
  public static SafetensorsWriter create() {
    return new SafetensorsWriter();
  }

  /**
   * Adds or replaces a {@code __metadata__} entry (Hugging Face writes {@code "format": "pt"}).
   *
   * @return this writer
   */
  public SafetensorsWriter metadata(String key, String value) {
    metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Adds an F32 tensor.
   *
   * @param name a name not used yet
   * @param data row-major values, {@code product(shape)} of them
   * @param shape the dimensions (none for a scalar)
   * @return this writer
   */
  public SafetensorsWriter putFloats(String name, float[] data, long... shape) {
    ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(data.length, 4))
        .order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    return put(name, SafetensorsDType.F32, shape, b.array());
  }

  /**
   * Adds a tensor from little-endian bytes (not copied: do not change the array afterwards).
   *
   * @param name a name not used yet
   * @param dtype the element type
   * @param shape the dimensions
   * @param littleEndianData {@code product(shape) x dtype.byteSize()} bytes
   * @return this writer
   * @throws IllegalArgumentException on a duplicate name, a bad shape or a wrong data length
   */
  public SafetensorsWriter put(String name, SafetensorsDType dtype, long[] shape,
      byte[] littleEndianData) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(littleEndianData, "littleEndianData");
    if (SafetensorsHeader.METADATA_KEY.equals(name)) {
      throw new IllegalArgumentException("tensor name '__metadata__' is reserved by the format");
    }
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("tensor '" + name + "' was already added");
    }
    TensorInfo probe = new TensorInfo(name, dtype, shape, 0, littleEndianData.length);
    long expected = Math.multiplyExact(probe.numel(), (long) dtype.byteSize());
    if (expected != littleEndianData.length) {
      throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
          + " of " + dtype + " needs " + expected + " bytes, got " + littleEndianData.length);
    }
    entries.put(name, new Entry(name, dtype, probe.shape(), littleEndianData));
    return this;
  }

  /**
   * Adds a copy of an NDArray's contents.
   *
   * @param name a name not used yet
   * @param array FLOAT32, FLOAT64, FLOAT16, INT64, INT32, INT8, UINT8 or BOOLEAN
   * @return this writer
   * @throws IllegalArgumentException for other data types (BF16 would abort the engine on CPU)
   */
  public SafetensorsWriter put(String name, NDArray array) {
    DataType t = array.getDataType();
    SafetensorsDType dtype = switch (t) {
      case FLOAT32 -> SafetensorsDType.F32;
      case FLOAT64 -> SafetensorsDType.F64;
      case FLOAT16 -> SafetensorsDType.F16;
      case INT64 -> SafetensorsDType.I64;
      case INT32 -> SafetensorsDType.I32;
      case INT8 -> SafetensorsDType.I8;
      case UINT8 -> SafetensorsDType.U8;
      case BOOLEAN -> SafetensorsDType.BOOL;
      default -> throw new IllegalArgumentException("tensor '" + name + "': data type " + t
          + " cannot be written; convert to FLOAT32 first");
    };
    ByteBuffer src = array.toByteBuffer();
    byte[] out = new byte[src.remaining()];
    if (src.order() == ByteOrder.LITTLE_ENDIAN || dtype.byteSize() == 1) {
      src.duplicate().get(out);
    } else {
      ByteBuffer dst = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer s = src.duplicate();
      while (s.hasRemaining()) {
        switch (dtype.byteSize()) {
          case 8 -> dst.putLong(s.getLong());
          case 4 -> dst.putInt(s.getInt());
          default -> dst.putShort(s.getShort());
        }
      }
    }
    return put(name, dtype, array.getShape().getShape(), out);
  }

  /** Number of tensors added so far. */
  public int size() {
    return entries.size();
  }

  /**
   * Writes the file atomically: a temporary file in the same folder, then a rename over {@code file}.
   *
   * @throws IOException if writing or renaming fails (the temporary file is removed)
   */
  public void write(Path file) throws IOException {
    List<Entry> ordered = new ArrayList<>(entries.values());
    ordered.sort(Comparator.comparingInt((Entry e) -> -e.dtype().referenceOrder())
        .thenComparing(Entry::name, SafetensorsWriter::compareUtf8));
    byte[] header = header(ordered);
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        len.putLong(header.length);
        out.write(len.array());
        out.write(header);
        for (Entry e : ordered) {
          out.write(e.data());
        }
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Writes the file like {@link #write(Path)} and returns its path, for chaining.
   *
   * @return {@code file}
   * @throws IOException if writing or renaming fails
   */
  public Path writeTo(Path file) throws IOException {
    write(file);
    return file;
  }

  /** The padded header bytes for tensors in file order. */
  private byte[] header(List<Entry> ordered) {
    StringBuilder sb = new StringBuilder(64 + 96 * ordered.size());
    sb.append('{');
    boolean first = true;
    if (!metadata.isEmpty()) {
      sb.append("\"__metadata__\":{");
      boolean firstMeta = true;
      for (Map.Entry<String, String> m : metadata.entrySet()) {
        if (!firstMeta) {
          sb.append(',');
        }
        firstMeta = false;
        appendString(sb, m.getKey());
        sb.append(':');
        appendString(sb, m.getValue());
      }
      sb.append('}');
      first = false;
    }
    long offset = 0;
    for (Entry e : ordered) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      appendString(sb, e.name());
      sb.append(":{\"dtype\":\"").append(e.dtype().key()).append("\",\"shape\":[");
      long[] shape = e.shape();
      for (int i = 0; i < shape.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(shape[i]);
      }
      long end = offset + e.data().length;
      sb.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
    }
    sb.append('}');
    byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    byte[] out = Arrays.copyOf(json, padded);
    Arrays.fill(out, json.length, padded, (byte) ' ');
    return out;
  }

  /** A JSON string as serde_json writes it: UTF-8 as is, short escapes, else a lowercase six-character escape. */
  static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Byte-wise order of the UTF-8 encodings, which is Rust's {@code String} order. */
  static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }
}
