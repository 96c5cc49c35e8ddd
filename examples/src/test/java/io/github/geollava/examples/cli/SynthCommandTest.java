package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.dataset.llava.LlavaAnnotations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

  @TempDir Path out;

  @Test
  void writesTheTreeAnnotationsAndContactSheet() throws Exception {
    CliRun r = CliRun.of("synth", "--out", out.toString(), "--locations", "14", "--size", "64", "--seed",
        "5", "--threads", "2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(out.resolve("train")).isDirectory();
    assertThat(out.resolve("val")).isDirectory();
    assertThat(out.resolve("contact_sheet.png")).isRegularFile();
    assertThat(out.resolve("annotations/scenes.json")).isRegularFile();
    assertThat(out.resolve("annotations/pairs_events.jsonl")).isRegularFile();
    assertThat(LlavaAnnotations.read(out.resolve("annotations/train.json"))).isNotEmpty();
    assertThat(r.stdout()).contains("locations: 14 (train 11, test 3)")
        .contains("skipped by scanner: 0").contains("contact sheet:");
  }

  @Test
  void badArgumentsExitWithTwoNamingTheOption() {
    CliRun r = CliRun.of("synth", "--out", out.toString(), "--size", "8");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("imageSize").contains("8");
    assertThat(CliRun.of("synth", "--locations", "3").exitCode()).isEqualTo(2);
  }
}
