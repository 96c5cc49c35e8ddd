package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import io.github.geollava.prune.select.PruneCount;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geollava prune} on the golden tiny model (core's test fixture). */
class PruneCommandTest {

  private static final Path MODEL =
      Path.of("..", "geollava-core", "src", "test", "resources", "golden", "llava_tiny", "model");

  @TempDir Path dir;

  @Test
  void tenPercentPerLayerWritesMasksAndAConsistentReport() throws Exception {
    Path masks = dir.resolve("masks.safetensors");
    Path report = dir.resolve("report.json");
    CliRun r = CliRun.of("prune", "--model", MODEL.toString(), "--sparsity", "0.1", "--out", masks.toString(),
        "--report", report.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();

    PruningMasks m = PruningMasks.load(masks);
    assertThat(m.masks()).hasSize(14);
    try (SafetensorsFile f = SafetensorsFile.open(masks)) {
      assertThat(f.names()).contains("language_model.model.layers.0.mlp.down_proj.weight_mask");
      assertThat(f.metadata()).containsEntry("method", "magnitude").containsEntry("scope", "layer");
    }
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    long zeros = 0;
    for (JsonNode row : json.get("tensors")) {
      TensorMask t = m.masks().get(row.get("name").asText());
      assertThat(row.get("zeros").asLong()).isEqualTo(t.pruned()).isEqualTo(PruneCount.of(0.1, t.size()));
      zeros += row.get("zeros").asLong();
    }
    assertThat(json.get("total").get("zeros").asLong()).isEqualTo(zeros).isEqualTo(m.pruned());
    assertThat(r.stdout()).contains("total (14 tensors)").contains("no speed-up")
        .contains("magnitude: pruned " + m.pruned());
  }

  @Test
  void wandaAndTwoOfFourRun() throws Exception {
    Path w = dir.resolve("wanda.safetensors");
    CliRun r = CliRun.of("prune", "--model", MODEL.toString(), "--sparsity", "0.5", "--method",
        "wanda", "--calibration-samples", "2", "--out", w.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(PruningMasks.load(w).provenance().method()).isEqualTo("wanda");
    assertThat(PruningMasks.load(w).pruned() * 2).isEqualTo(PruningMasks.load(w).parameters());

    Path nm = dir.resolve("nm.safetensors");
    r = CliRun.of("prune", "--model", MODEL.toString(), "--method", "2:4", "--out", nm.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(PruningMasks.load(nm).provenance().method()).isEqualTo("magnitude-2:4");
  }

  @Test
  void badInputExitsTwoWithAMessage() {
    Path out = dir.resolve("m.safetensors");
    CliRun r =
        CliRun.of("prune", "--model", MODEL.toString(), "--sparsity", "1.5", "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("sparsity").contains("1.5");
    assertThat(CliRun.of("prune", "--model", MODEL.toString(), "--out", out.toString()).exitCode())
        .isEqualTo(2);
    assertThat(CliRun.of("prune", "--model", MODEL.toString(), "--sparsity", "0.1", "--method", "foo",
        "--out", out.toString()).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("prune", "--model", MODEL.toString(), "--sparsity", "0.1", "--method", "wanda",
        "--scope", "global", "--out", out.toString()).exitCode()).isEqualTo(2);
    assertThat(CliRun.of("prune", "--model", dir.resolve("missing").toString(), "--sparsity", "0.1",
        "--out", out.toString()).exitCode()).isEqualTo(2);
    assertThat(Files.exists(out)).isFalse();
  }
}
