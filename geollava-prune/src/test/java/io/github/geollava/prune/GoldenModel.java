package io.github.geollava.prune;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The golden tiny LLaVA-NeXT-Video of test resources (see golden/llava_tiny/NOTE.md). */
public final class GoldenModel {

  private GoldenModel() {}

  /** The model folder. */
  public static Path dir() {
    try {
      return Path.of(GoldenModel.class.getResource("/golden/llava_tiny/model/config.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads the model on the CPU. */
  public static LlavaNextVideoModel load() throws Exception {
    return LlavaNextVideoModel.load(dir(), Device.cpu());
  }

  /** The golden logits input: ids, mask, pixels, as arrays of {@code m}. */
  public static NDArray[] inputs(NDManager m) throws IOException {
    Path t = dir().getParent().resolve("tensors");
    return new NDArray[] {
      m.create(le(t.resolve("input_ids.bin")), new Shape(1, 45), DataType.INT64),
      m.create(le(t.resolve("attention_mask.bin")), new Shape(1, 45), DataType.INT64),
      m.create(le(t.resolve("pixel_values_videos.bin")), new Shape(1, 2, 3, 56, 56), DataType.FLOAT32),
    };
  }

  private static ByteBuffer le(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    ByteBuffer buf = ByteBuffer.allocateDirect(b.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(b).flip();
    return buf;
  }
}
