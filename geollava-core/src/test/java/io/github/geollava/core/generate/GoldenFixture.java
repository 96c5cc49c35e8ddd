package io.github.geollava.core.generate;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the transformers 4.45.1 golden fixture in {@code src/test/resources/golden/llava_tiny} (see its
 * HOWTO.md): raw little-endian C-order tensors next to the saved model folder.
 */
final class GoldenFixture {

  /** The 10 greedy ids transformers generated (HOWTO.md, step 5). */
  static final long[] GREEDY_IDS = {114, 70, 122, 44, 18, 114, 70, 122, 44, 18};

  private GoldenFixture() {}

  static Path root() {
    URL url = GoldenFixture.class.getResource("/golden/llava_tiny/model/config.json");
    if (url == null) {
      throw new IllegalStateException("golden fixture missing from the test classpath");
    }
    try {
      return Path.of(url.toURI()).getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path modelDir() {
    return root().resolve("model");
  }

  static float[] floats(String name) throws IOException {
    ByteBuffer b = bytes(name);
    float[] v = new float[b.remaining() / 4];
    b.asFloatBuffer().get(v);
    return v;
  }

  static long[] longs(String name) throws IOException {
    ByteBuffer b = bytes(name);
    long[] v = new long[b.remaining() / 8];
    b.asLongBuffer().get(v);
    return v;
  }

  private static ByteBuffer bytes(String name) throws IOException {
    byte[] raw = Files.readAllBytes(root().resolve("tensors").resolve(name + ".bin"));
    return ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
  }
}
