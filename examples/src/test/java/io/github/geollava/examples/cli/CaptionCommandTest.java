package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.core.caption.ChangeCaptioner;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.core.image.ImageLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code geollava caption} on a tiny model folder and a real Landsat pair. */
class CaptionCommandTest {

  private static final Path LANDSAT = Path.of("src", "test", "resources", "landsat");
  private static final Path BEFORE = LANDSAT.resolve("marburg_2001-07-30_LE07_rgb.png");
  private static final Path AFTER = LANDSAT.resolve("marburg_2013-07-07_LC08_rgb.png");

  @TempDir Path dir;
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    CommandLine cl = GeollavaCli.newCommandLine();
    cl.setOut(new PrintWriter(stdout, true));
    cl.setErr(new PrintWriter(stderr, true));
    return cl.execute(args);
  }

  @Test
  void printsTheSameAnswerAsTheLibrary() throws Exception {
    Path model = TinyModels.writeModelDir(11, dir.resolve("tiny"));
    int rc = run("caption", "--model", model.toString(), "--before", BEFORE.toString(),
        "--after", AFTER.toString(), "--max-new-tokens", "8", "--device", "cpu");
    assertThat(rc).as(stderr.toString()).isZero();
    String expected;
    try (ChangeCaptioner c =
        ChangeCaptioner.builder().setModelDir(model).optDevice(ai.djl.Device.cpu())
            .optMaxNewTokens(8).build()) {
      expected = c.describe(List.of(ImageLoader.read(BEFORE), ImageLoader.read(AFTER)),
          ChangeCaptioner.DEFAULT_PROMPT);
    }
    assertThat(stdout.toString()).isEqualTo(expected + System.lineSeparator());
  }

  @Test
  void missingImageOrModelExitsTwo() throws Exception {
    Path model = TinyModels.writeModelDir(11, dir.resolve("tiny"));
    int rc = run("caption", "--model", model.toString(), "--before", "nope.png",
        "--after", AFTER.toString());
    assertThat(rc).isEqualTo(2);
    assertThat(stderr.toString()).contains("nope.png");
    stderr.getBuffer().setLength(0);
    rc = run("caption", "--model", dir.resolve("missing").toString(), "--before", BEFORE.toString(),
        "--after", AFTER.toString(), "--device", "cpu");
    assertThat(rc).isEqualTo(2);
    assertThat(stderr.toString()).contains("missing");
  }
}
