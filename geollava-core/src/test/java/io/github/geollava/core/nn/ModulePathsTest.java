package io.github.geollava.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoForConditionalGeneration;
import io.github.geollava.core.model.llavanext.LlavaNextVideoWeights;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModulePathsTest {

  @Test
  void stripsExactlyDjlsPrefix() {
    assertThat(ModulePaths.hfName("03q_proj", 2)).isEqualTo("q_proj");
    assertThat(ModulePaths.hfName("010", 0)).isEqualTo("0");
    assertThat(ModulePaths.hfName("1211", 11)).isEqualTo("11");
    assertThat(ModulePaths.hfName("100lm_head", 99)).isEqualTo("lm_head");
    // a name without the prefix is left alone
    assertThat(ModulePaths.hfName("q_proj", 0)).isEqualTo("q_proj");
  }

  @Test
  void sequentialChildrenArePathedByIndexAndReplaceable() {
    SequentialBlock seq = new SequentialBlock().add(Linear.builder().setUnits(3).build())
        .add(Linear.builder().setUnits(2).build());
    SequentialBlock outer = new SequentialBlock().add(seq);
    assertThat(ModulePaths.modules(outer).keySet()).containsExactly("", "0", "0.0", "0.1");
    Linear replacement = Linear.builder().setUnits(5).build();
    Block old = ModulePaths.get(outer, "0.1");
    ModulePaths.replace(outer, "0.1", replacement);
    assertThat(ModulePaths.get(outer, "0.1")).isSameAs(replacement).isNotSameAs(old);
    assertThat(seq.getChildren().size()).isEqualTo(2);
    assertThat(ModulePaths.parameters(outer).keySet())
        .containsExactly("0.0.weight", "0.0.bias", "0.1.weight", "0.1.bias");
  }

  @Test
  void replacementInASequentialBlockChangesItsForward() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      SequentialBlock seq = new SequentialBlock().add(Linear.builder().setUnits(2).build());
      seq.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
      seq.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      Linear twos = Linear.builder().setUnits(2).optBias(false).build();
      twos.setInitializer(new ConstantInitializer(2f), Parameter.Type.WEIGHT);
      twos.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      ModulePaths.replace(seq, "0", twos);
      NDArray y = seq.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 3))), false)
          .singletonOrThrow();
      assertThat(y.toFloatArray()).containsExactly(6f, 6f);
    }
  }

  @Test
  void parallelBlockChildrenAreReplaceable() {
    ParallelBlock par = new ParallelBlock(list -> list.get(0),
        List.of(Linear.builder().setUnits(1).build(), Linear.builder().setUnits(1).build()));
    Linear r = Linear.builder().setUnits(4).build();
    ModulePaths.replace(par, "1", r);
    assertThat(ModulePaths.get(par, "1")).isSameAs(r);
  }

  @Test
  void hfBlockReplacementIsSeenByForward() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Wrapper w = new Wrapper();
      w.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
      w.initialize(m, DataType.FLOAT32, new Shape(1, 2));
      ParameterStore ps = new ParameterStore(m, false);
      NDList x = new NDList(m.ones(new Shape(1, 2)));
      assertThat(w.forward(ps, x, false).singletonOrThrow().toFloatArray()).containsExactly(2f);
      Linear threes = Linear.builder().setUnits(1).optBias(false).build();
      threes.setInitializer(new ConstantInitializer(3f), Parameter.Type.WEIGHT);
      threes.initialize(m, DataType.FLOAT32, new Shape(1, 2));
      ModulePaths.replace(w, "proj", threes);
      assertThat(w.forward(ps, x, false).singletonOrThrow().toFloatArray()).containsExactly(6f);
    }
  }

  @Test
  void everyLinearOfTheModelHasItsHuggingFacePath() throws Exception {
    Path config = Path.of(getClass().getResource("/golden/llava_tiny/model/config.json").toURI());
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(config);
    LlavaNextVideoForConditionalGeneration root = new LlavaNextVideoForConditionalGeneration(c);
    Map<String, Block> modules = ModulePaths.modules(root);
    assertThat(modules.get("language_model.model.layers.1.self_attn.q_proj")).isInstanceOf(Linear.class);
    assertThat(modules.get("vision_tower.vision_model.encoder.layers.0.self_attn.q_proj"))
        .isInstanceOf(Linear.class);
    assertThat(modules.get("multi_modal_projector.linear_1")).isInstanceOf(Linear.class);
    assertThat(modules.get("language_model.lm_head")).isInstanceOf(Linear.class);
    long linears = modules.values().stream().filter(b -> b instanceof Linear).count();
    // LM: 2 layers x 7 + lm_head; vision: 2 layers x 6; projector 2
    assertThat(linears).isEqualTo(2 * 7 + 1 + 2 * 6 + 2);
    assertThat(ModulePaths.parameters(root).keySet())
        .containsExactlyInAnyOrderElementsOf(LlavaNextVideoWeights.expectedShapes(c).keySet());
  }

  @Test
  void missingPathsAreNamed() {
    SequentialBlock seq = new SequentialBlock().add(Linear.builder().setUnits(1).build());
    assertThatThrownBy(() -> ModulePaths.get(seq, "0.x"))
        .hasMessageContaining("'x'").hasMessageContaining("'0.x'");
    assertThatThrownBy(() -> ModulePaths.replace(seq, "", seq)).hasMessageContaining("root");
  }

  /** A two-input sum through one child, looked up at every call. */
  private static final class Wrapper extends HfBlock {
    Wrapper() {
      addChild("proj", Linear.builder().setUnits(1).optBias(false).build(), new Shape(1, 2));
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      return new NDList(call(store, "proj", inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return new Shape[] {new Shape(1, 1)};
    }
  }
}
