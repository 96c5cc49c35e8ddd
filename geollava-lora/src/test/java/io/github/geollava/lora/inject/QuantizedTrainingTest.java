package io.github.geollava.lora.inject;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.quant.QuantFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LoRA gradients through a quantized frozen base must be those of the dense base up to the rounding of
 * the weights: gradients of early layers flow back through every later quantized layer's weight.
 */
class QuantizedTrainingTest {

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  private static Map<String, float[]> loraGradients(QuantFormat format) {
    try (LlavaNextVideoModel m = TinyModels.model(11)) {
      if (format != null) {
        LoraInjector.quantizeBase(m.block(), format, 64, false, LoraInjector.exceptLmHead());
      }
      LoraConfig c = LoraConfig.builder().setR(8).optLoraAlpha(16)
          .setTargetModules("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj").build();
      LoraInjector.builder().setConfig(c).excludeVisionTower().optSeed(3).build().inject(m.block());
      ModulePaths.parameters(m.block()).forEach((k, p) -> {
        if (k.contains("lora_B")) {
          p.getArray().addi(0.05f); // non-zero B, so that A receives gradients too
        }
      });
      try (NDManager sub = m.manager().newSubManager()) {
        int video = TinyModels.videoTokenId();
        long[] ids = new long[48];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = i == 0 ? 1 : i <= 16 ? video : 4 + (i * 13) % 80;
        }
        Engine.getInstance().setRandomSeed(5);
        NDArray pixels = sub.randomNormal(new Shape(1, 1, 3, TinyModels.IMAGE_SIZE, TinyModels.IMAGE_SIZE));
        NDArray x = sub.create(ids, new Shape(1, ids.length));
        NDArray mask = sub.ones(new Shape(1, ids.length), DataType.INT64);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray logits = m.block().forward(new ParameterStore(sub, false), new NDList(x, mask, pixels), true)
              .singletonOrThrow();
          gc.backward(logits.logSoftmax(2).get(":, :, 9").sum().neg());
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        ModulePaths.parameters(m.block()).forEach((k, p) -> {
          if (k.contains("lora_")) {
            out.put(k, p.getArray().getGradient().toFloatArray());
          }
        });
        return out;
      }
    }
  }

  @Test
  void int8BaseGivesTheDenseBasesLoraGradientsInEveryLayer() {
    Map<String, float[]> dense = loraGradients(null);
    Map<String, float[]> int8 = loraGradients(QuantFormat.INT8);
    assertThat(int8.keySet()).isEqualTo(dense.keySet());
    for (String k : dense.keySet()) {
      float[] a = dense.get(k);
      float[] b = int8.get(k);
      double num = 0;
      double den = 0;
      for (int i = 0; i < a.length; i++) {
        num += (a[i] - b[i]) * (double) (a[i] - b[i]);
        den += a[i] * (double) a[i];
      }
      assertThat(Math.sqrt(num / den)).as(k).isLessThan(0.15); // the aliasing bug gave ~1.0
    }
  }

  @Test
  void nf4BaseGradientsAreFiniteAndRepeatable() {
    Map<String, float[]> a = loraGradients(QuantFormat.NF4);
    Map<String, float[]> b = loraGradients(QuantFormat.NF4);
    for (String k : a.keySet()) {
      for (float v : a.get(k)) {
        assertThat(Float.isFinite(v)).as(k).isTrue();
      }
      assertThat(b.get(k)).as(k).containsExactly(a.get(k));
    }
  }
}
