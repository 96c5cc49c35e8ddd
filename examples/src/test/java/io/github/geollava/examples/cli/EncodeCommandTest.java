package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.image.ImageLoader;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsDType;
import io.github.geollava.core.video.Mp4Video;
import io.github.geollava.core.video.VideoProcessor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodeCommandTest {

  /** The real Landsat pair kept with the core module's PIL reference; cwd is the examples module. */
  private static final Path IMAGES =
      Path.of("..", "geollava-core", "src", "test", "resources", "pil-reference", "images");
  private static final Path BEFORE = IMAGES.resolve("p167r055_2000-03-09_LT05_rgb.png");
  private static final Path AFTER = IMAGES.resolve("p167r055_2010-12-18_LT5_rgb.png");

  @TempDir Path dir;

  @Test
  void encodesAPairWithClipDefaults() throws Exception {
    Path out = dir.resolve("pair.safetensors");
    CliRun r = CliRun.of("encode", "--before", BEFORE.toString(), "--after", AFTER.toString(),
        "--out", out.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("pixel_values_videos [1, 2, 3, 336, 336]");
    try (SafetensorsFile f = SafetensorsFile.open(out)) {
      assertThat(f.info(EncodeCommand.TENSOR).shape()).containsExactly(1, 2, 3, 336, 336);
      assertThat(f.info(EncodeCommand.TENSOR).dtype()).isEqualTo(SafetensorsDType.F32);
      assertThat(f.metadata()).containsEntry("format", "pt")
          .containsEntry("geollava.sources", BEFORE.getFileName() + "," + AFTER.getFileName());
      List<BufferedImage> frames = List.of(ImageLoader.read(BEFORE), ImageLoader.read(AFTER));
      float[] want = VideoProcessor.of(PreprocessorConfig.clipDefaults()).process(frames);
      assertThat(f.readFloats(EncodeCommand.TENSOR)).isEqualTo(want);
    }
  }

  @Test
  void preprocessorFileAndMp4Input() throws Exception {
    Path cfg = Files.writeString(dir.resolve("preprocessor_config.json"),
        "{\"size\": {\"shortest_edge\": 56}, \"crop_size\": {\"height\": 56, \"width\": 56}}");
    Path mp4 = dir.resolve("pair.mp4");
    Mp4Video.write(mp4, List.of(ImageLoader.read(BEFORE), ImageLoader.read(AFTER)), 1);
    Path out = dir.resolve("v.safetensors");
    assertThat(CliRun.of("encode", "--video", mp4.toString(), "--preprocessor", dir.toString(),
        "--out", out.toString()).exitCode()).isZero();
    try (SafetensorsFile f = SafetensorsFile.open(out)) {
      assertThat(f.info(EncodeCommand.TENSOR).shape()).containsExactly(1, 2, 3, 56, 56);
    }
    assertThat(CliRun.of("encode", "--before", BEFORE.toString(), "--after", AFTER.toString(),
        "--preprocessor", cfg.toString(), "--out", out.toString()).exitCode()).isZero();
  }

  @Test
  void badInputExitsWithTwoAndNamesTheCulprit() throws Exception {
    Path out = dir.resolve("x.safetensors");
    CliRun r = CliRun.of("encode", "--before", BEFORE.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--after");
    Path broken = Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1});
    r = CliRun.of("encode", "--before", broken.toString(), "--after", AFTER.toString(),
        "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("broken.png");
    Path cfg = Files.writeString(dir.resolve("bad.json"), "{\"image_std\": [0, 1, 1]}");
    r = CliRun.of("encode", "--before", BEFORE.toString(), "--after", AFTER.toString(),
        "--preprocessor", cfg.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("bad.json").contains("image_std");
    assertThat(out).doesNotExist();
  }
}
