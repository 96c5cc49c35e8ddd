package io.github.geollava.core.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.image.ImageLoader;
import io.github.geollava.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class VideoProcessorTest {

  private static final Logger LOG = LoggerFactory.getLogger(VideoProcessorTest.class);

  /**
   * Every image x config of the PIL reference: the resized and cropped 8-bit frame must be within one
   * level of PIL's (the 1/255 goal); the implementation reproduces PIL's fixed-point arithmetic,
   * so in practice it is identical. The final float32 tensors of the 56x56 config must match numpy's.
   */
  @Test
  void matchesPilAndNumpyOnRealAndSyntheticImages() throws Exception {
    JsonNode manifest = PilReference.manifest();
    Path root = PilReference.root();
    int cases = 0;
    int maxDiff = 0;
    long differing = 0;
    double maxFloatDiff = 0;
    for (JsonNode c : manifest.get("cases")) {
      VideoProcessor p = VideoProcessor.of(PilReference.config(manifest, c.get("config").asText()));
      RgbImage input = ImageLoader.readRgb(root.resolve("images").resolve(c.get("image").asText()));
      RgbImage expected = ImageLoader.readRgb(root.resolve("expected").resolve(c.get("png").asText()));
      RgbImage actual = p.resizeAndCrop(input);
      assertThat(actual.width()).as(c.toString()).isEqualTo(expected.width());
      assertThat(actual.height()).as(c.toString()).isEqualTo(expected.height());
      for (int i = 0; i < actual.data().length; i++) {
        int d = Math.abs((actual.data()[i] & 0xff) - (expected.data()[i] & 0xff));
        maxDiff = Math.max(maxDiff, d);
        differing += d > 0 ? 1 : 0;
      }
      if (c.has("f32")) {
        byte[] raw = Files.readAllBytes(root.resolve("expected").resolve(c.get("f32").asText()));
        float[] want = new float[raw.length / 4];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(want);
        float[] got = p.processRgb(List.of(input));
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < got.length; i++) {
          maxFloatDiff = Math.max(maxFloatDiff, Math.abs(got[i] - want[i]));
        }
      }
      cases++;
    }
    LOG.info("PIL parity: {} cases, max abs diff {} levels ({} differing bytes), float max diff {}",
        cases, maxDiff, differing, maxFloatDiff);
    assertThat(cases).isEqualTo(56);
    assertThat(maxDiff).isLessThanOrEqualTo(1);
    assertThat(maxFloatDiff).isLessThanOrEqualTo(1e-6);
  }

  @Test
  void clipDefaultsGiveThreeBy336By336PerFrame() throws Exception {
    Path root = PilReference.root();
    BufferedImage a = ImageLoader.read(root.resolve("images/marburg_2001-07-30_LE07_rgb.png"));
    BufferedImage b = ImageLoader.read(root.resolve("images/marburg_2013-07-07_LC08_rgb.png"));
    VideoProcessor p = VideoProcessor.of(PreprocessorConfig.clipDefaults());
    float[] v = p.process(List.of(a, b));
    assertThat(v).hasSize(2 * 3 * 336 * 336);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray t = p.toTensor(List.of(a, b), m);
      assertThat(t.getShape()).isEqualTo(new Shape(2, 3, 336, 336));
      assertThat(t.toFloatArray()).isEqualTo(v);
      // normalised values stay within (0 - mean) / std .. (1 - mean) / std
      assertThat(t.min().getFloat()).isGreaterThanOrEqualTo(-1.80f);
      assertThat(t.max().getFloat()).isLessThanOrEqualTo(2.15f);
    }
  }

  @Test
  void batchesPadShorterVideosAndMaskThem() throws Exception {
    BufferedImage red = solid(80, 60, 0xff0000);
    BufferedImage blue = solid(60, 80, 0x0000ff);
    VideoProcessor p = VideoProcessor.of(PreprocessorConfig.clipDefaults().withSize(28));
    try (NDManager m = NDManager.newBaseManager()) {
      VideoBatch batch = p.batch(List.of(List.of(red, blue, red), List.of(blue)), m);
      assertThat(batch.pixelValues().getShape()).isEqualTo(new Shape(2, 3, 3, 28, 28));
      assertThat(batch.frameMask().toBooleanArray())
          .containsExactly(true, true, true, true, false, false);
      assertThat(batch.frameCounts()).containsExactly(3, 1);
      NDArray padding = batch.pixelValues().get("1, 1:");
      assertThat(padding.abs().sum().getFloat()).isZero();
      // red channel of a red frame: (1 - 0.48145466) / 0.26862954
      assertThat(batch.pixelValues().getFloat(0, 0, 0, 5, 5)).isEqualTo(
          (1f - 0.48145466f) / 0.26862954f);
      assertThat(batch.pixelValues().get("1, 0").toFloatArray())
          .isEqualTo(p.process(List.of(blue)));
    }
  }

  @Test
  void framesOfDifferentSizesWithoutCropAreRejected() {
    PreprocessorConfig noCrop = PreprocessorConfig.fromJson(
        "{\"do_center_crop\": false, \"size\": {\"shortest_edge\": 20}}");
    VideoProcessor p = VideoProcessor.of(noCrop);
    assertThatThrownBy(() -> p.process(List.of(solid(40, 20, 0), solid(20, 20, 0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame 1")
        .hasMessageContaining("do_center_crop");
    assertThatThrownBy(() -> p.process(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rescaleAndNormaliseCanBeSwitchedOff() {
    PreprocessorConfig raw = PreprocessorConfig.fromJson("{\"do_resize\": false, \"do_center_crop\":"
        + " false, \"do_rescale\": false, \"do_normalize\": false}");
    float[] v = VideoProcessor.of(raw).process(List.of(solid(2, 1, 0x102030)));
    assertThat(v).containsExactly(0x10, 0x10, 0x20, 0x20, 0x30, 0x30);
  }

  static BufferedImage solid(int w, int h, int rgb) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, rgb);
      }
    }
    return img;
  }
}
