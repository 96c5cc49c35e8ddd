package io.github.geollava.core.model.llavanext;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden fixture of transformers 4.45.1 in {@code src/test/resources/golden/llava_tiny} (see its
 * HOWTO.md): raw little-endian C-order tensors and the saved model folder.
 */
final class Golden {

  private Golden() {}

  static Path root() {
    try {
      return Path.of(Golden.class.getResource("/golden/llava_tiny/manifest.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path modelDir() {
    return root().resolve("model");
  }

  static NDArray floats(NDManager m, String name, long... shape) throws IOException {
    ByteBuffer b = bytes(name);
    float[] v = new float[b.remaining() / 4];
    b.asFloatBuffer().get(v);
    return m.create(v, new Shape(shape));
  }

  static NDArray longs(NDManager m, String name, long... shape) throws IOException {
    return m.create(longArray(name), new Shape(shape));
  }

  static long[] longArray(String name) throws IOException {
    ByteBuffer b = bytes(name);
    long[] v = new long[b.remaining() / 8];
    b.asLongBuffer().get(v);
    return v;
  }

  private static ByteBuffer bytes(String name) throws IOException {
    byte[] raw = Files.readAllBytes(root().resolve("tensors").resolve(name + ".bin"));
    return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Largest absolute difference between two arrays of equal shape. */
  static float maxAbsDiff(NDArray a, NDArray b) {
    if (!a.getShape().equals(b.getShape())) {
      throw new AssertionError("shape " + a.getShape() + " vs expected " + b.getShape());
    }
    return a.sub(b).abs().max().getFloat();
  }
}
