package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.core.caption.ChangeCaptioner;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.core.image.ImageLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geollava caption} on a tiny model folder and a real Landsat pair. */
class CaptionCommandTest {

  private static final Path LANDSAT = Path.of("src", "test", "resources", "landsat");
  private static final Path BEFORE = LANDSAT.resolve("marburg_2001-07-30_LE07_rgb.png");
  private static final Path AFTER = LANDSAT.resolve("marburg_2013-07-07_LC08_rgb.png");

  @TempDir Path dir;

  @Test
  void printsTheSameAnswerAsTheLibrary() throws Exception {
    Path model = TinyModels.writeModelDir(11, dir.resolve("tiny"));
    CliRun r = CliRun.of("caption", "--model", model.toString(), "--before", BEFORE.toString(),
        "--after", AFTER.toString(), "--max-new-tokens", "8", "--device", "cpu");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    String expected;
    try (ChangeCaptioner c =
        ChangeCaptioner.builder().setModelDir(model).optDevice(ai.djl.Device.cpu())
            .optMaxNewTokens(8).build()) {
      expected = c.describe(List.of(ImageLoader.read(BEFORE), ImageLoader.read(AFTER)),
          ChangeCaptioner.DEFAULT_PROMPT);
    }
    assertThat(r.stdout()).isEqualTo(expected + System.lineSeparator());
  }

  @Test
  void missingImageOrModelExitsTwo() throws Exception {
    Path model = TinyModels.writeModelDir(11, dir.resolve("tiny"));
    CliRun r = CliRun.of("caption", "--model", model.toString(), "--before", "nope.png",
        "--after", AFTER.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("nope.png");
    r = CliRun.of("caption", "--model", dir.resolve("missing").toString(), "--before", BEFORE.toString(),
        "--after", AFTER.toString(), "--device", "cpu");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("missing");
  }
}
