package io.github.geollava.core.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One safetensors file, validated when opened and read lazily from a memory map.
 *
 * <p>A file whose data area fits in one mapping (under 2 GiB) is mapped once, read-only; a larger
 * file (a 5 GB shard of a 7B checkpoint) is mapped per tensor on demand, because one
 * {@link ByteBuffer} addresses at most 2 GiB. Reads are thread-safe. The tensors handed out by
 * {@link #load} own a native copy of their data, so they stay valid after {@link #close()} and writing
 * into them never touches the file.
 */
public final class SafetensorsFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SafetensorsFile.class);

  private final Path path;
  private final FileChannel channel;
  private final long dataStart;
  private final SafetensorsHeader header;
  /** The whole data area, read-only, or {@code null} when it is too large for one buffer. */
  private final ByteBuffer data;
  private volatile boolean closed;

  private SafetensorsFile(Path path, FileChannel channel, long dataStart, SafetensorsHeader header,
      ByteBuffer data) {
    this.path = path;
    this.channel = channel;
    this.dataStart = dataStart;
    this.header = header;
    this.data = data;
  }

  /**
   * Opens and validates a file (the header is read and checked now, tensor data on demand).
   *
   * @param file the {@code .safetensors} file
   * @return the open file; close it when done
   * @throws IOException if the file cannot be read
   * @throws MalformedSafetensorsException if the file breaks the format (see the package rules)
   */
  public static SafetensorsFile open(Path file) throws IOException, MalformedSafetensorsException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    try {
      long size = ch.size();
      ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lenBuf, 0);
      long n = size >= 8 ? lenBuf.getLong(0) : 0;
      int headerLength = SafetensorsHeader.checkHeaderLength(file, n, size);
      ByteBuffer headerBytes = ByteBuffer.allocate(headerLength);
      readFully(ch, headerBytes, 8);
      headerBytes.flip();
      long dataStart = 8L + headerLength;
      long dataLength = size - dataStart;
      SafetensorsHeader header = SafetensorsHeader.parse(file, headerBytes, dataLength);
      ByteBuffer data = null;
      if (dataLength <= Integer.MAX_VALUE) {
        data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart, dataLength)
            .order(ByteOrder.LITTLE_ENDIAN);
      }
      LOG.debug("opened {}: {} tensors, {} data bytes", file, header.tensors.size(), dataLength);
      return new SafetensorsFile(file, ch, dataStart, header, data);
    } catch (IOException | MalformedSafetensorsException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos);
      if (r < 0) {
        break; // a short file is reported by the length checks
      }
      pos += r;
    }
  }

  /** The file this was opened from. */
  public Path path() {
    return path;
  }

  /** The {@code __metadata__} map (empty when absent), unmodifiable. */
  public Map<String, String> metadata() {
    return header.metadata;
  }

  /** Tensor names in sorted order, unmodifiable. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(header.tensors.keySet()));
  }

  /** Whether the file holds a tensor of this name. */
  public boolean contains(String name) {
    return header.tensors.containsKey(name);
  }

  /** All header entries by name, unmodifiable. */
  public Map<String, TensorInfo> infos() {
    return header.tensors;
  }

  /**
   * A tensor's header entry.
   *
   * @throws IllegalArgumentException naming the file and the tensor if there is no such tensor
   */
  public TensorInfo info(String name) {
    TensorInfo info = header.tensors.get(name);
    if (info == null) {
      throw new IllegalArgumentException(
          "no tensor '" + name + "' in " + path + " (" + header.tensors.size() + " tensors)");
    }
    return info;
  }

  /**
   * A tensor's bytes as a little-endian read-only slice of the map.
   *
   * @throws IllegalArgumentException if there is no such tensor or it is 2 GiB or more
   */
  public ByteBuffer rawBytes(String name) {
    TensorInfo info = info(name);
    checkOpen();
    if (info.byteLength() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "tensor '" + name + "' in " + path + " has " + info.byteLength()
              + " bytes, more than one buffer can address (2 GiB)");
    }
    ByteBuffer slice;
    if (data != null) {
      slice = data.slice((int) info.begin(), (int) info.byteLength());
    } else {
      slice = map(info, FileChannel.MapMode.READ_ONLY);
    }
    return slice.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A tensor's elements as floats, row-major: F32 as stored, F16/BF16 widened exactly, F64 rounded,
   * integers and booleans converted.
   *
   * @throws IllegalArgumentException if there is no such tensor or it has more than 2^31 - 9 elements
   */
  public float[] readFloats(String name) {
    TensorInfo info = info(name);
    int n = checkedCount(info);
    return ElementConversion.toFloats(rawBytes(name), info.dtype(), n);
  }

  /**
   * A tensor as an NDArray of {@code manager}: float types become FLOAT32 (F16/BF16/F64 widened or
   * rounded in Java first, so the engine never sees a type that aborts it), I64/I32/I8/U8 stay as they
   * are, BOOL becomes BOOLEAN and I16 becomes INT32.
   *
   * @throws IllegalArgumentException if there is no such tensor or it is too large for one buffer
   */
  public NDArray load(String name, NDManager manager) {
    TensorInfo info = info(name);
    checkOpen();
    Shape shape = new Shape(info.shape());
    int n = checkedCount(info);
    SafetensorsDType dt = info.dtype();
    NDArray out;
    switch (dt) {
      case F32, I64, I32, I8, U8 -> out = loadDirect(info, shape, n, manager);
      case F64, F16, BF16 -> out = manager.create(readFloats(name), shape);
      case I16 -> {
        ByteBuffer b = rawBytes(name);
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = b.getShort(2 * i);
        }
        out = manager.create(v, shape);
      }
      case BOOL -> {
        ByteBuffer b = rawBytes(name);
        boolean[] v = new boolean[n];
        for (int i = 0; i < n; i++) {
          v[i] = b.get(i) != 0;
        }
        out = manager.create(v, shape);
      }
      default -> throw new IllegalStateException("unhandled dtype " + dt);
    }
    out.setName(name);
    return out;
  }

  /** Types the engine takes as stored: one bulk copy of the little-endian bytes. */
  private NDArray loadDirect(TensorInfo info, Shape shape, int n, NDManager manager) {
    DataType type = switch (info.dtype()) {
      case F32 -> DataType.FLOAT32;
      case I64 -> DataType.INT64;
      case I32 -> DataType.INT32;
      case I8 -> DataType.INT8;
      case U8 -> DataType.UINT8;
      default -> throw new IllegalStateException("not a direct dtype: " + info.dtype());
    };
    if (n == 0) {
      return manager.zeros(shape, type);
    }
    // One copy into an engine-owned native buffer. Wrapping the read-only map itself would crash the
    // JVM on the first in-place op, and a private (copy-on-write) map needs a writable channel.
    ByteBuffer src = rawBytes(info.name());
    ByteBuffer buf = ByteBuffer.allocateDirect(src.remaining()).order(ByteOrder.nativeOrder());
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      buf.put(src);
    } else {
      copyToNative(src, buf, info.dtype().byteSize());
    }
    buf.flip();
    return manager.create(buf.order(ByteOrder.nativeOrder()), shape, type);
  }

  private static void copyToNative(ByteBuffer le, ByteBuffer dst, int size) {
    while (le.hasRemaining()) {
      switch (size) {
        case 8 -> dst.putLong(le.getLong());
        case 4 -> dst.putInt(le.getInt());
        case 2 -> dst.putShort(le.getShort());
        default -> dst.put(le.get());
      }
    }
  }

  private ByteBuffer map(TensorInfo info, FileChannel.MapMode mode) {
    try {
      return channel.map(mode, dataStart + info.begin(), info.byteLength())
          .order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot map tensor '" + info.name() + "' of " + path, e);
    }
  }

  private int checkedCount(TensorInfo info) {
    long n = info.numel();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "tensor '" + info.name() + "' in " + path + " has " + n
              + " elements, more than one Java array holds");
    }
    return (int) n;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("safetensors file " + path + " is closed");
    }
  }

  /** Closes the channel; tensors already loaded stay valid. */
  @Override
  public void close() throws IOException {
    closed = true;
    channel.close();
  }

  @Override
  public String toString() {
    return "SafetensorsFile[" + path + ", " + header.tensors.size() + " tensors]";
  }
}
