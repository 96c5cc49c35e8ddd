package io.github.geollava.prune;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Core's committed golden tiny LLaVA-NeXT-Video, read in place rather than copied into this module: a
 * random tiny {@code LlavaNextVideoForConditionalGeneration} made with transformers 4.45.1 in float32
 * (65 tensors, 120,800 parameters; core's {@code HOWTO.md} and {@code manifest.json} give the recipe
 * and sha256 sums). The pruning tests only need a real model tree and real weights plus the golden
 * inputs ({@code tensors/input_ids.bin}, {@code attention_mask.bin}: int64 [1,45];
 * {@code pixel_values_videos.bin}: float32 [1,2,3,56,56]; all little-endian).
 */
public final class GoldenModel {

  /** Surefire runs with this module's folder as the working directory, so core is a sibling. */
  private static final Path ROOT =
      Path.of("..", "geollava-core", "src", "test", "resources", "golden", "llava_tiny");

  private GoldenModel() {}

  /** The model folder. */
  public static Path dir() {
    Path model = ROOT.resolve("model");
    if (!Files.isRegularFile(model.resolve("config.json"))) {
      throw new IllegalStateException("golden fixture not found at " + model.toAbsolutePath()
          + ": run the tests from the geollava-prune module folder (Maven does)");
    }
    return model;
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
