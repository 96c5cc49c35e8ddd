package io.github.geollava.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.prune.mask.LinearWeights;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import io.github.geollava.prune.report.SparsityReport;
import io.github.geollava.prune.report.TensorSparsity;
import io.github.geollava.prune.select.PruneCount;
import io.github.geollava.prune.select.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MagnitudePrunerTest {

  @Test
  void tenPercentPerLayerOnTheGoldenModelPrunesExactCountsOfTheDecoderOnly() throws Exception {
    try (LlavaNextVideoModel model = GoldenModel.load(); NDManager m = NDManager.newBaseManager()) {
      NDArray[] in = GoldenModel.inputs(m);
      float[] denseLogits = model.logits(in[0], in[1], in[2], null).toFloatArray();

      PruningMasks masks = MagnitudePruner.builder().setSparsity(0.10).build().prune(model.block());

      // 2 decoder layers x (q, k, v, o, gate, up, down).
      assertThat(masks.masks()).hasSize(14);
      assertThat(masks.masks().keySet()).allMatch(p -> p.matches("language_model\\.model\\.layers\\.\\d\\..*"));
      long total = 0;
      for (TensorMask t : masks.masks().values()) {
        assertThat(t.pruned()).as(t.modulePath()).isEqualTo(PruneCount.of(0.10, t.size()));
        total += t.size();
      }
      // q, o: 64x64; k, v: 32x64 (2 KV heads x 16); gate, up: 128x64; down: 64x128.
      assertThat(total).isEqualTo(2L * (2 * 4096 + 2 * 2048 + 3 * 8192));

      SparsityReport report = SparsityReport.of(model.block(), masks);
      for (TensorSparsity row : report.tensors()) {
        assertThat(row.zeros()).as(row.name()).isEqualTo(masks.masks().get(row.name()).pruned());
      }
      assertThat(report.total().zeros()).isEqualTo(masks.pruned());
      assertThat(report.total().parameters()).isEqualTo(total);

      float[] pruned = model.logits(in[0], in[1], in[2], null).toFloatArray();
      for (int i = 0; i < pruned.length; i++) {
        assertThat(Float.isFinite(pruned[i])).as("logit %d = %f", i, pruned[i]).isTrue();
      }
      assertThat(pruned).isNotEqualTo(denseLogits);
    }
  }

  @Test
  void allLinearAlsoPrunesTheHeadTheVisionTowerAndTheProjector() throws Exception {
    try (LlavaNextVideoModel model = GoldenModel.load()) {
      int linears = LinearWeights.all(model.block()).size();
      PruningMasks masks = MagnitudePruner.builder().setSparsity(0.05).allLinear().optScope(Scope.GLOBAL)
          .build().prune(model.block());
      assertThat(masks.masks()).hasSize(linears);
      assertThat(masks.masks().keySet()).anyMatch(p -> p.contains("lm_head"))
          .anyMatch(p -> p.contains("vision_tower")).anyMatch(p -> p.contains("multi_modal_projector"));
      assertThat(masks.pruned()).isEqualTo(PruneCount.of(0.05, masks.parameters()));
    }
  }

  @Test
  void twoOfFourKeepsTwoOfEveryFourOnTheGoldenModel() throws Exception {
    try (LlavaNextVideoModel model = GoldenModel.load()) {
      PruningMasks masks = MagnitudePruner.builder().optSemiStructured(2, 4).build().prune(model.block());
      assertThat(masks.provenance().method()).isEqualTo("magnitude-2:4");
      assertThat(masks.provenance().sparsity()).isEqualTo(0.5);
      for (Map.Entry<String, TensorMask> e : masks.masks().entrySet()) {
        TensorMask t = e.getValue();
        for (int g = 0; g < t.size(); g += 4) {
          int kept = 0;
          for (int j = 0; j < 4; j++) {
            kept += t.kept(g + j) ? 1 : 0;
          }
          assertThat(kept).as("%s group %d", e.getKey(), g / 4).isEqualTo(2);
        }
      }
    }
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> MagnitudePruner.builder().build()).hasMessageContaining("sparsity is required");
    assertThatThrownBy(() -> MagnitudePruner.builder().setSparsity(2)).hasMessageContaining("sparsity");
    assertThatThrownBy(() -> MagnitudePruner.builder().optSemiStructured(5, 4)).hasMessageContaining("5:4");
    assertThatThrownBy(() -> MagnitudePruner.builder().setSparsity(0.1).optInclude("(").build())
        .hasMessageContaining("not a valid regex");
  }

  @Test
  void noMatchingModuleIsAClearError() throws Exception {
    try (LlavaNextVideoModel model = GoldenModel.load()) {
      MagnitudePruner p = MagnitudePruner.builder().setSparsity(0.1).optInclude("nothing\\.here").build();
      assertThatThrownBy(() -> p.prune(model.block())).hasMessageContaining("no Linear module matches")
          .hasMessageContaining("nothing");
    }
  }
}
