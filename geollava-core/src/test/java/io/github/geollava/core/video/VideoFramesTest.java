package io.github.geollava.core.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFramesTest {

  @TempDir Path dir;

  @Test
  void folderFramesAreSortedAndSampled() throws Exception {
    for (int i = 0; i < 5; i++) {
      BufferedImage f = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
      f.setRGB(0, 0, i * 40 << 16);
      ImageIO.write(f, "png", dir.resolve("frame_" + i + ".png").toFile());
    }
    Files.writeString(dir.resolve("notes.txt"), "not an image");
    List<BufferedImage> all = VideoFrames.read(dir, 0);
    assertThat(all).hasSize(5);
    List<BufferedImage> two = VideoFrames.read(dir, 2);
    assertThat(two).hasSize(2);
    assertThat(two.get(0).getRGB(0, 0) >> 16 & 0xff).isEqualTo(0);
    assertThat(two.get(1).getRGB(0, 0) >> 16 & 0xff).isEqualTo(160);
  }

  @Test
  void mp4AndSingleImagesAreSources() throws Exception {
    BufferedImage a = TestFrames.gradient(32, 32);
    Path mp4 = dir.resolve("v.mp4");
    Mp4Video.write(mp4, List.of(a, a, a), 1);
    assertThat(VideoFrames.read(mp4, 2)).hasSize(2);
    Path png = dir.resolve("one.png");
    ImageIO.write(a, "png", png.toFile());
    assertThat(VideoFrames.read(png, 0)).hasSize(1);
    assertThat(VideoFrames.fromImages(List.of(png, png))).hasSize(2);
  }

  @Test
  void missingSourcesAreNamed() throws Exception {
    assertThatThrownBy(() -> VideoFrames.read(dir.resolve("none.mp4"), 2))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("none.mp4");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> VideoFrames.read(empty, 2))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no images");
  }

  @Test
  void resolveFindsTheFileInsideTheFolder() throws Exception {
    Path mp4 = dir.resolve("a_0-a_1.mp4");
    Mp4Video.write(mp4, List.of(TestFrames.gradient(16, 16), TestFrames.gradient(16, 16)), 1);
    assertThat(VideoFrames.resolve(dir, "a_0-a_1.mp4")).isEqualTo(mp4);
    assertThat(VideoFrames.read(VideoFrames.resolve(dir, "a_0-a_1.mp4"), 0)).hasSize(2);
    // sub-folders and a '..' that stays inside are fine
    assertThat(VideoFrames.resolve(dir, "sub/../a_0-a_1.mp4")).isEqualTo(mp4);
    assertThat(VideoFrames.resolve(dir, "val/b_0-b_1.mp4")).isEqualTo(dir.resolve("val/b_0-b_1.mp4"));
  }

  @Test
  void resolveFallsBackToAFolderOfFramesNamedLikeTheVideo() throws Exception {
    Path frames = Files.createDirectories(dir.resolve("a_0-a_1"));
    ImageIO.write(TestFrames.gradient(8, 8), "png", frames.resolve("0.png").toFile());
    ImageIO.write(TestFrames.gradient(8, 8), "png", frames.resolve("1.png").toFile());
    Path resolved = VideoFrames.resolve(dir, "a_0-a_1.mp4");
    assertThat(resolved).isEqualTo(frames);
    assertThat(VideoFrames.read(resolved, 0)).hasSize(2);
    // the mp4 wins once it exists
    Mp4Video.write(dir.resolve("a_0-a_1.mp4"), List.of(TestFrames.gradient(16, 16)), 1);
    assertThat(VideoFrames.resolve(dir, "a_0-a_1.mp4")).isEqualTo(dir.resolve("a_0-a_1.mp4"));
  }

  @Test
  void resolveOfAMissingVideoLetsReadNameIt() {
    Path missing = VideoFrames.resolve(dir, "gone_0-gone_1.mp4");
    assertThat(missing).isEqualTo(dir.resolve("gone_0-gone_1.mp4")).doesNotExist();
    assertThatThrownBy(() -> VideoFrames.read(missing, 0))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("gone_0-gone_1.mp4");
  }

  @Test
  void resolveRejectsAbsoluteEscapingAndBlankFields() {
    String abs = dir.toAbsolutePath() + "/x.mp4";
    for (String bad : List.of("/etc/passwd", "\\\\server\\x.mp4", "C:\\v.mp4", abs)) {
      assertThatThrownBy(() -> VideoFrames.resolve(dir, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("video field '" + bad + "'").hasMessageContaining("absolute");
    }
    for (String bad : List.of("../x.mp4", "a/../../x.mp4", "..", ".")) {
      assertThatThrownBy(() -> VideoFrames.resolve(dir, bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("video field '" + bad + "'").hasMessageContaining("outside");
    }
    assertThatThrownBy(() -> VideoFrames.resolve(dir, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("video field");
  }
}
