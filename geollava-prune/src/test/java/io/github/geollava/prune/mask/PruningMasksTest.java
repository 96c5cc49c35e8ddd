package io.github.geollava.prune.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.geollava.core.safetensors.SafetensorsDType;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.prune.MagnitudePruner;
import io.github.geollava.prune.select.MagnitudeSelector;
import io.github.geollava.prune.select.Scope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruningMasksTest {

  @TempDir Path tmp;

  @Test
  void pruneZeroesExactlyTheMaskedWeightsAndSavesLoadsRoundTrip() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock b = MaskFixtures.mlp(manager, 1);
      float[] w0 = MaskFixtures.weight(b, "0");
      PruningMasks masks = MagnitudePruner.builder().setSparsity(0.25).allLinear().build().prune(b);

      assertThat(masks.masks().keySet()).containsExactly("0", "2");
      // round(0.25 * 96) = 24, round(0.25 * 48) = 12.
      assertThat(masks.masks().get("0").pruned()).isEqualTo(24);
      assertThat(masks.masks().get("2").pruned()).isEqualTo(12);
      assertThat(masks.masks().get("0").toByteArray()).containsExactly(MagnitudeSelector.mask(w0, 0.25));
      float[] after = MaskFixtures.weight(b, "0");
      for (int i = 0; i < after.length; i++) {
        assertThat(after[i]).isEqualTo(masks.masks().get("0").kept(i) ? w0[i] : 0f);
      }

      Path file = tmp.resolve("masks.safetensors");
      masks.save(file);
      try (SafetensorsFile f = SafetensorsFile.open(file)) {
        assertThat(f.names()).containsExactly("0.weight_mask", "2.weight_mask");
        assertThat(f.info("0.weight_mask").dtype()).isEqualTo(SafetensorsDType.U8);
        assertThat(f.info("0.weight_mask").shape()).containsExactly(16, 6);
        assertThat(f.metadata()).containsEntry("method", "magnitude").containsEntry("scope", "layer")
            .containsEntry("sparsity", "0.25").containsKey("weights_sha256").containsKey("library_version");
      }
      PruningMasks back = PruningMasks.load(file);
      assertThat(back.provenance()).isEqualTo(masks.provenance());
      for (String p : List.of("0", "2")) {
        assertThat(back.masks().get(p).toByteArray()).containsExactly(masks.masks().get(p).toByteArray());
      }

      // Re-applied to a fresh, dense copy of the model: the masked weights become exactly 0.
      SequentialBlock fresh = MaskFixtures.mlp(manager, 1);
      back.apply(fresh);
      assertThat(MaskFixtures.weight(fresh, "0")).containsExactly(after);
    }
  }

  @Test
  void globalScopeCountsAcrossTensors() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock b = MaskFixtures.mlp(manager, 2);
      PruningMasks masks =
          MagnitudePruner.builder().setSparsity(0.5).optScope(Scope.GLOBAL).allLinear().build().prune(b);
      assertThat(masks.pruned()).isEqualTo(72); // round(0.5 * 144)
      assertThat(masks.parameters()).isEqualTo(144);
      assertThat(masks.provenance().scope()).isEqualTo("global");
    }
  }

  @Test
  void applyRejectsAShapeMismatch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock b = MaskFixtures.mlp(manager, 3);
      MaskProvenance prov = new MaskProvenance("magnitude", 0.5, "layer", ".*", "", "00", "dev");
      PruningMasks wrong = new PruningMasks(List.of(new TensorMask("0", new long[] {6, 16}, new byte[96])), prov);
      assertThatThrownBy(() -> wrong.apply(b)).hasMessageContaining("'0'").hasMessageContaining("(16, 6)");
      PruningMasks missing = new PruningMasks(List.of(new TensorMask("7", new long[] {1}, new byte[1])), prov);
      assertThatThrownBy(() -> missing.apply(b)).hasMessageContaining("'7'");
    }
  }

  @Test
  void loadRejectsForeignFilesNamingThem() throws Exception {
    Path f32 = tmp.resolve("weights.safetensors");
    SafetensorsWriter.create().metadata("format", "pt").putFloats("x.weight", new float[] {1f}, 1).write(f32);
    assertThatThrownBy(() -> PruningMasks.load(f32)).hasMessageContaining(f32.toString())
        .hasMessageContaining("format");

    MaskProvenance prov = new MaskProvenance("magnitude", 0.5, "layer", ".*", "", "00", "dev");
    Path bad = tmp.resolve("bad.safetensors");
    SafetensorsWriter w = SafetensorsWriter.create();
    prov.toMetadata().forEach(w::metadata);
    w.put("x.weight_mask", SafetensorsDType.U8, new long[] {2}, new byte[] {1, 5}).write(bad);
    assertThatThrownBy(() -> PruningMasks.load(bad)).hasMessageContaining(bad.toString())
        .hasMessageContaining("expected 0 or 1");
  }

  @Test
  void tensorMaskValidates() {
    assertThatThrownBy(() -> new TensorMask("a", new long[] {2, 2}, new byte[3])).hasMessageContaining("4 weights");
    assertThatThrownBy(() -> new TensorMask(" ", new long[] {1}, new byte[1])).hasMessageContaining("modulePath");
    TensorMask m = new TensorMask("a", new long[] {3}, new byte[] {1, 0, 1});
    float[] w = {5f, 6f, -7f};
    m.applyTo(w);
    assertThat(w).containsExactly(5f, 0f, -7f);
    assertThat(m.key()).isEqualTo("a.weight_mask");
  }
}
