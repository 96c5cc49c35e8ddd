package io.github.geollava.core.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made safetensors bytes for tests that need files the writer would never produce. */
final class RawFiles {

  private RawFiles() {}

  /** 8-byte LE length + header (unpadded unless the caller pads) + data. */
  static byte[] bytes(String header, byte[] data) {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    return b.array();
  }

  static Path write(Path dir, String name, String header, byte[] data) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes(header, data));
    return p;
  }

  static byte[] floatsLe(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  static byte[] shortsLe(short... v) {
    ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : v) {
      b.putShort(s);
    }
    return b.array();
  }
}
