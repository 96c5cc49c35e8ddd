package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.dataset.llava.LlavaAnnotations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {

  @TempDir Path out;
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    CommandLine cl = GeollavaCli.newCommandLine();
    cl.setOut(new PrintWriter(stdout, true));
    cl.setErr(new PrintWriter(stderr, true));
    return cl.execute(args);
  }

  @Test
  void writesTheTreeAnnotationsAndContactSheet() throws Exception {
    int rc = run("synth", "--out", out.toString(), "--locations", "14", "--size", "64", "--seed",
        "5", "--threads", "2");
    assertThat(rc).as(stderr.toString()).isZero();
    assertThat(out.resolve("train")).isDirectory();
    assertThat(out.resolve("val")).isDirectory();
    assertThat(out.resolve("contact_sheet.png")).isRegularFile();
    assertThat(out.resolve("annotations/scenes.json")).isRegularFile();
    assertThat(out.resolve("annotations/pairs_events.jsonl")).isRegularFile();
    assertThat(LlavaAnnotations.read(out.resolve("annotations/train.json"))).isNotEmpty();
    assertThat(stdout.toString()).contains("locations: 14 (train 11, test 3)")
        .contains("skipped by scanner: 0").contains("contact sheet:");
  }

  @Test
  void badArgumentsExitWithTwoNamingTheOption() {
    assertThat(run("synth", "--out", out.toString(), "--size", "8")).isEqualTo(2);
    assertThat(stderr.toString()).contains("imageSize").contains("8");
    assertThat(run("synth", "--locations", "3")).isEqualTo(2);
  }
}
