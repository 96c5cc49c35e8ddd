package io.github.geollava.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdamWTest {

  @TempDir Path tmp;

  /** PyTorch's AdamW, single-tensor path, in double precision. */
  private static double[] reference(double[] w, double[][] grads, double[] lrs, double scale,
      TrainingConfig c, boolean decay) {
    double[] p = w.clone();
    double[] m = new double[p.length];
    double[] v = new double[p.length];
    for (int t = 1; t <= grads.length; t++) {
      double lr = lrs[t - 1];
      for (int i = 0; i < p.length; i++) {
        double g = grads[t - 1][i] * scale;
        if (decay) {
          p[i] *= 1 - lr * c.weightDecay();
        }
        m[i] = c.beta1() * m[i] + (1 - c.beta1()) * g;
        v[i] = c.beta2() * v[i] + (1 - c.beta2()) * g * g;
        double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(c.beta2(), t)) + c.epsilon();
        p[i] -= lr / (1 - Math.pow(c.beta1(), t)) * m[i] / denom;
      }
    }
    return p;
  }

  private static Parameter param(NDManager manager, String name, float[] values) {
    Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    NDArray a = manager.create(values);
    a.setRequiresGradient(true);
    p.setArray(a);
    return p;
  }

  private static void backward(Parameter p, float[] coefficients, NDManager manager) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(p.getArray().mul(manager.create(coefficients)).sum());
    }
  }

  @Test
  void matchesPyTorchAdamWWithDecayOnWeightsOnly() throws Exception {
    TrainingConfig c = TrainingConfig.builder().optWeightDecay(0.1).build();
    float[] w0 = {0.5f, -1.25f, 2f};
    double[][] g = {{0.3, -0.2, 1.5}, {-0.1, 0.4, 0.05}, {0.7, 0.7, -0.3}};
    double[] lrs = {1e-2, 5e-3, 2e-2};
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameter weight = param(manager, "w", w0);
      Parameter bias = param(manager, "layer.bias", w0);
      Map<String, Parameter> ps = new LinkedHashMap<>();
      ps.put("layer.weight", weight);
      ps.put("layer.bias", bias);
      try (AdamW opt = new AdamW(ps, c, manager)) {
        for (int t = 0; t < 3; t++) {
          float[] gt = {(float) g[t][0], (float) g[t][1], (float) g[t][2]};
          backward(weight, gt, manager);
          backward(bias, gt, manager);
          opt.update(lrs[t], 0.5);
          weight.getArray().getGradient().muli(0);
          bias.getArray().getGradient().muli(0);
        }
        double[] w = {w0[0], w0[1], w0[2]};
        double[] ew = reference(w, g, lrs, 0.5, c, true);
        double[] eb = reference(w, g, lrs, 0.5, c, false);
        float[] aw = weight.getArray().toFloatArray();
        float[] ab = bias.getArray().toFloatArray();
        for (int i = 0; i < 3; i++) {
          assertThat((double) aw[i]).isCloseTo(ew[i], within(1e-6));
          assertThat((double) ab[i]).isCloseTo(eb[i], within(1e-6));
        }
        assertThat(opt.step()).isEqualTo(3);

        // the state round-trips through a safetensors file
        SafetensorsWriter out = SafetensorsWriter.create();
        opt.save(out);
        out.write(tmp.resolve("opt.safetensors"));
        try (AdamW copy = new AdamW(ps, c, manager);
            SafetensorsFile in = SafetensorsFile.open(tmp.resolve("opt.safetensors"))) {
          copy.load(in);
          assertThat(copy.step()).isEqualTo(3);
          assertThat(in.readFloats("m.layer.weight")).hasSize(3);
        }
      }
    }
  }

  @Test
  void decayRuleFollowsHuggingFaceTrainer() {
    assertThat(AdamW.decays("language_model.model.layers.0.self_attn.q_proj.weight")).isTrue();
    assertThat(AdamW.decays("language_model.model.layers.0.input_layernorm.weight")).isFalse();
    assertThat(AdamW.decays("vision_tower.vision_model.pre_layrnorm.weight")).isFalse();
    assertThat(AdamW.decays("multi_modal_projector.linear_1.bias")).isFalse();
    assertThat(AdamW.decays("language_model.model.norm.weight")).isFalse();
  }
}
