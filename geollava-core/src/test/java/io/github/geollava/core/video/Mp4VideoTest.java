package io.github.geollava.core.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.core.image.ImageLoader;
import io.github.geollava.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4VideoTest {

  @TempDir Path dir;

  private static BufferedImage landsat(String name) throws Exception {
    return ImageLoader.read(PilReference.root().resolve("images").resolve(name));
  }

  @Test
  void twoFrameH264RoundTripKeepsCountSizeAndPixels() throws Exception {
    BufferedImage a = landsat("marburg_2001-07-30_LE07_rgb.png");
    BufferedImage b = landsat("marburg_2013-07-07_LC08_rgb.png");
    Path mp4 = dir.resolve("a-b.mp4");
    Mp4Video.write(mp4, List.of(a, b), 1);
    List<BufferedImage> back = Mp4Video.readFrames(mp4);
    assertThat(back).hasSize(2);
    double[] diffs = {meanAbsDiff(a, back.get(0)), meanAbsDiff(b, back.get(1))};
    for (int i = 0; i < 2; i++) {
      assertThat(back.get(i).getWidth()).isEqualTo(246);
      assertThat(back.get(i).getHeight()).isEqualTo(246);
      // lossy H.264 with 4:2:0 chroma on a detailed scene (measured 10.6 levels of 255 for frame 0),
      // well below the gap between the two dates
      assertThat(diffs[i]).as("frame %d mean abs diff", i).isLessThan(14.0);
    }
    assertThat(meanAbsDiff(a, b)).isGreaterThan(diffs[0] * 1.5);
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("a-b.mp4");
    }
    assertThat(Mp4Video.readFrames(mp4, 2)).hasSize(2);
  }

  @Test
  void sizesOffTheMacroblockGridSurviveAndOddSizesArePaddedToEven() throws Exception {
    BufferedImage f = TestFrames.gradient(50, 38);
    Path mp4 = dir.resolve("small.mp4");
    Mp4Video.write(mp4, List.of(f, f), 2);
    BufferedImage back = Mp4Video.readFrames(mp4).get(1);
    assertThat(back.getWidth()).isEqualTo(50);
    assertThat(back.getHeight()).isEqualTo(38);
    BufferedImage odd = TestFrames.gradient(51, 37);
    Mp4Video.write(mp4, List.of(odd, odd), 1);
    BufferedImage evened = Mp4Video.readFrames(mp4).get(0);
    assertThat(evened.getWidth()).isEqualTo(52);
    assertThat(evened.getHeight()).isEqualTo(38);
  }

  @Test
  void badInputIsNamed() throws IOException {
    Path junk = Files.write(dir.resolve("junk.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p', 1});
    assertThatThrownBy(() -> Mp4Video.readFrames(junk)).isInstanceOf(IOException.class)
        .hasMessageContaining("junk.mp4");
    assertThatThrownBy(() -> Mp4Video.write(dir.resolve("x.mp4"), List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class);
    BufferedImage small = TestFrames.gradient(16, 16);
    BufferedImage big = TestFrames.gradient(32, 16);
    assertThatThrownBy(() -> Mp4Video.write(dir.resolve("x.mp4"), List.of(small, big), 1))
        .hasMessageContaining("frame 1");
  }

  static double meanAbsDiff(BufferedImage x, BufferedImage y) {
    RgbImage a = RgbImage.from(x);
    RgbImage b = RgbImage.from(y);
    long sum = 0;
    for (int i = 0; i < a.data().length; i++) {
      sum += Math.abs((a.data()[i] & 0xff) - (b.data()[i] & 0xff));
    }
    return (double) sum / a.data().length;
  }
}
