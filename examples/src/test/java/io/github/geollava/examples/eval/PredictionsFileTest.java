package io.github.geollava.examples.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileTest {

  @TempDir Path dir;

  private static final String A = "{\"id\":\"a\",\"reference\":\"r\",\"candidate\":\"c\"}";
  private static final String B = "{\"id\":\"b\",\"reference\":\"r\",\"candidate\":\"d\"}";

  @Test
  void aMissingFileIsEmptyAndAppendingCreatesIt() throws IOException {
    Path f = dir.resolve("sub/predictions.jsonl");
    PredictionsFile.Existing e = PredictionsFile.read(f);
    assertThat(e.predictions()).isEmpty();
    try (PredictionsFile w = PredictionsFile.append(f, e)) {
      w.write(List.of(new Prediction("a", "r", "c")));
      w.write(List.of(new Prediction("b", "r", "d")));
    }
    assertThat(Files.readAllLines(f)).containsExactly(A, B);
    assertThat(PredictionsFile.read(f).predictions()).containsOnlyKeys("a", "b");
  }

  @Test
  void aTruncatedLastLineIsIgnoredAndCutBeforeAppending() throws IOException {
    Path f = dir.resolve("p.jsonl");
    Files.writeString(f, A + "\n" + B.substring(0, 17));
    PredictionsFile.Existing e = PredictionsFile.read(f);
    assertThat(e.predictions()).containsOnlyKeys("a");
    assertThat(e.validBytes()).isEqualTo(A.length() + 1);
    try (PredictionsFile w = PredictionsFile.append(f, e)) {
      w.write(List.of(new Prediction("b", "r", "d")));
    }
    assertThat(Files.readString(f)).isEqualTo(A + "\n" + B + "\n");
  }

  @Test
  void aCompleteLastLineWithoutNewlineIsKept() throws IOException {
    Path f = dir.resolve("p.jsonl");
    Files.writeString(f, A);
    PredictionsFile.Existing e = PredictionsFile.read(f);
    assertThat(e.predictions()).containsOnlyKeys("a");
    try (PredictionsFile w = PredictionsFile.append(f, e)) {
      w.write(List.of(new Prediction("b", "r", "d")));
    }
    assertThat(Files.readString(f)).isEqualTo(A + "\n" + B + "\n");
  }

  @Test
  void aBadLineInTheMiddleIsNamed() throws IOException {
    Path f = dir.resolve("p.jsonl");
    Files.writeString(f, A + "\n{\"id\":3}\n" + B + "\n");
    assertThatThrownBy(() -> PredictionsFile.read(f))
        .isInstanceOf(IOException.class).hasMessageContaining(f + " line 2");
  }
}
