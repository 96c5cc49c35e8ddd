package io.github.geollava.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsCheckpointTest {

  @TempDir Path dir;

  private Path sharded() throws Exception {
    Path d = Files.createDirectories(dir.resolve("sharded"));
    SafetensorsWriter.create().metadata("format", "pt")
        .putFloats("a.weight", new float[] {1, 2}, 2)
        .putFloats("b.weight", new float[] {3}, 1)
        .write(d.resolve("model-00001-of-00002.safetensors"));
    SafetensorsWriter.create().metadata("format", "pt")
        .putFloats("c.weight", new float[] {4, 5, 6}, 3)
        .write(d.resolve("model-00002-of-00002.safetensors"));
    Files.writeString(d.resolve(SafetensorsCheckpoint.INDEX_FILE), """
        {"metadata": {"total_size": 24},
         "weight_map": {"a.weight": "model-00001-of-00002.safetensors",
                        "b.weight": "model-00001-of-00002.safetensors",
                        "c.weight": "model-00002-of-00002.safetensors"}}
        """);
    return d;
  }

  @Test
  void shardedFolderIsOneNameSpace() throws Exception {
    try (SafetensorsCheckpoint c = SafetensorsCheckpoint.open(sharded());
        NDManager m = NDManager.newBaseManager()) {
      assertThat(c.names()).containsExactly("a.weight", "b.weight", "c.weight");
      assertThat(c.metadata()).containsEntry("total_size", "24");
      assertThat(c.files()).hasSize(2);
      assertThat(c.readFloats("c.weight")).containsExactly(4, 5, 6);
      assertThat(c.info("b.weight").shape()).containsExactly(1);
      assertThat(c.load("a.weight", m).toFloatArray()).containsExactly(1, 2);
      assertThatThrownBy(() -> c.info("d.weight")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("d.weight").hasMessageContaining("index.json");
    }
  }

  @Test
  void singleFileAndFolderWithModelSafetensors() throws Exception {
    Path golden = SafetensorsFileTest.golden();
    Path d = Files.createDirectories(dir.resolve("single"));
    Files.copy(golden, d.resolve(SafetensorsCheckpoint.SINGLE_FILE));
    try (SafetensorsCheckpoint a = SafetensorsCheckpoint.open(golden);
        SafetensorsCheckpoint b = SafetensorsCheckpoint.open(d)) {
      assertThat(a.names()).hasSize(65).isEqualTo(b.names());
      assertThat(b.metadata()).containsEntry("format", "pt");
      assertThat(a.readFloats("image_newline")).containsExactly(b.readFloats("image_newline"));
    }
  }

  @Test
  void indexPointingAtTheWrongShardNamesIndexAndTensor() throws Exception {
    Path d = sharded();
    Path index = d.resolve(SafetensorsCheckpoint.INDEX_FILE);
    Files.writeString(index, Files.readString(index)
        .replace("\"c.weight\": \"model-00002", "\"c.weight\": \"model-00001"));
    assertThatThrownBy(() -> SafetensorsCheckpoint.open(d))
        .isInstanceOf(MalformedSafetensorsException.class)
        .hasMessageContaining("index.json").hasMessageContaining("'c.weight'");
  }

  @Test
  void indexMayNotEscapeItsFolder() throws Exception {
    Path d = sharded();
    Files.writeString(d.resolve(SafetensorsCheckpoint.INDEX_FILE),
        "{\"weight_map\": {\"a.weight\": \"../x.safetensors\"}}");
    assertThatThrownBy(() -> SafetensorsCheckpoint.open(d))
        .isInstanceOf(MalformedSafetensorsException.class).hasMessageContaining("index's folder");
  }

  @Test
  void emptyFolderAndMissingFileAreNoSuchFile() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> SafetensorsCheckpoint.open(empty))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("model.safetensors");
    assertThatThrownBy(() -> SafetensorsCheckpoint.open(dir.resolve("missing.safetensors")))
        .isInstanceOf(NoSuchFileException.class);
  }
}
