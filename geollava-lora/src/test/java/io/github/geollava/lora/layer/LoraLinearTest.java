package io.github.geollava.lora.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.lora.config.InitLoraWeights;
import io.github.geollava.lora.quant.QuantFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoraLinearTest {

  private NDManager m;
  private SequentialBlock mlp;
  private NDArray x;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
    mlp = Mlp.create(m, 8, 16, 4, 1);
    x = Mlp.input(m, 5, 8, 2);
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  private LoraLinear wrap(String path, AdapterSettings s) {
    LoraLinear l = new LoraLinear(ModulePaths.get(mlp, path));
    l.addAdapter("default", s, null);
    ModulePaths.replace(mlp, path, l);
    return l;
  }

  private static AdapterSettings settings(int r, double alpha, InitLoraWeights init) {
    return new AdapterSettings(r, alpha, 0, false, init, 3);
  }

  @Test
  void zeroBIsIdentityAndForwardIsClosedForm() {
    float[] before = Mlp.forward(mlp, m, x).toFloatArray();
    Linear base = (Linear) ModulePaths.get(mlp, "0");
    LoraLinear l = wrap("0", settings(4, 8, InitLoraWeights.KAIMING));
    assertThat(Mlp.forward(mlp, m, x).toFloatArray()).containsExactly(before);
    assertThat(l.settings("default").scaling()).isEqualTo(2.0);
    float bound = (float) (1 / Math.sqrt(8));
    for (float v : l.loraA("default").getArray().toFloatArray()) {
      assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
    }

    // y = x W^T + b + 2 * (x A^T) B^T, computed by hand against the layer alone
    float[] bvals = new float[16 * 4];
    for (int i = 0; i < bvals.length; i++) {
      bvals[i] = (i % 7 - 3) * 0.05f;
    }
    l.setWeights("default", l.loraA("default").getArray().toFloatArray(), bvals);
    NDArray w = base.getParameters().get("weight").getArray();
    NDArray bias = base.getParameters().get("bias").getArray();
    NDArray a = l.loraA("default").getArray();
    NDArray bb = l.loraB("default").getArray();
    NDArray expected = x.matMul(w.transpose()).add(bias)
        .add(x.matMul(a.transpose()).matMul(bb.transpose()).mul(2f));
    NDArray actual = Mlp.forward(l, m, x);
    assertThat(actual.sub(expected).abs().max().getFloat()).isLessThan(1e-5f);
  }

  @Test
  void mergeUnmergeInvariantsAndRepeatSafety() {
    LoraLinear l0 = wrap("0", settings(4, 8, InitLoraWeights.RANDOM));
    LoraLinear l2 = wrap("2", new AdapterSettings(2, 3, 0, true, InitLoraWeights.RANDOM, 5));
    Linear base0 = (Linear) l0.base();
    float[] w0 = base0.getParameters().get("weight").getArray().toFloatArray();
    float[] lora = Mlp.forward(mlp, m, x).toFloatArray();
    l0.setAdaptersDisabled(true);
    float[] plain = Mlp.forward(mlp, m, x).toFloatArray();
    l0.setAdaptersDisabled(false);
    assertThat(maxDiff(plain, lora)).isGreaterThan(1e-3);

    l0.merge();
    l0.merge(); // repeat: no-op
    l2.merge();
    assertThat(l0.mergedAdapters()).containsExactly("default");
    assertThat(maxDiff(Mlp.forward(mlp, m, x).toFloatArray(), lora)).isLessThan(1e-5);
    l0.unmerge();
    l0.unmerge();
    l2.unmerge();
    assertThat(maxDiff(Mlp.forward(mlp, m, x).toFloatArray(), lora)).isLessThan(1e-5);
    assertThat(maxDiff(base0.getParameters().get("weight").getArray().toFloatArray(), w0))
        .isLessThan(1e-6);
  }

  @Test
  void safeMergeRefusesNonFiniteAndLeavesBaseUnchanged() {
    LoraLinear l = wrap("0", settings(2, 4, InitLoraWeights.KAIMING));
    float[] a = l.loraA("default").getArray().toFloatArray();
    float[] b = new float[16 * 2];
    b[0] = Float.MAX_VALUE;
    b[1] = Float.MAX_VALUE;
    l.setWeights("default", a, b);
    Linear base = (Linear) l.base();
    float[] w = base.getParameters().get("weight").getArray().toFloatArray();
    a[0] = Float.NaN;
    l.setWeights("default", a, b);
    assertThatThrownBy(l::merge).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("safe merge").hasMessageContaining("default");
    assertThat(base.getParameters().get("weight").getArray().toFloatArray()).containsExactly(w);
    assertThat(l.mergedAdapters()).isEmpty();
  }

  @Test
  void severalAdaptersActiveAndDisabled() {
    LoraLinear l = wrap("0", settings(2, 2, InitLoraWeights.RANDOM));
    float[] onlyDefault = Mlp.forward(mlp, m, x).toFloatArray();
    l.addAdapter("second", new AdapterSettings(3, 6, 0, false, InitLoraWeights.RANDOM, 9), null);
    assertThat(l.activeAdapters()).containsExactly("default", "second");
    float[] both = Mlp.forward(mlp, m, x).toFloatArray();
    l.setActiveAdapters("second");
    float[] onlySecond = Mlp.forward(mlp, m, x).toFloatArray();
    l.setAdaptersDisabled(true);
    float[] none = Mlp.forward(mlp, m, x).toFloatArray();
    l.setAdaptersDisabled(false);
    assertThat(maxDiff(onlyDefault, none)).isGreaterThan(1e-4);
    assertThat(maxDiff(onlySecond, none)).isGreaterThan(1e-4);
    assertThat(maxDiff(both, onlySecond)).isGreaterThan(1e-4);
    assertThatThrownBy(() -> l.setActiveAdapters("nope")).hasMessageContaining("nope");
    assertThatThrownBy(() -> l.addAdapter("second", settings(2, 2, InitLoraWeights.KAIMING), null))
        .hasMessageContaining("already exists");
  }

  @Test
  void quantizedBaseMergeRequantises() {
    Linear lin = (Linear) ModulePaths.get(mlp, "2");
    QuantizedLinear q = QuantizedLinear.quantize(lin, QuantFormat.NF4, 64, false);
    ModulePaths.replace(mlp, "2", q);
    LoraLinear l = wrap("2", settings(2, 4, InitLoraWeights.RANDOM));
    float[] lora = Mlp.forward(mlp, m, x).toFloatArray();
    l.setAdaptersDisabled(true);
    float[] plain = Mlp.forward(mlp, m, x).toFloatArray();
    l.setAdaptersDisabled(false);
    l.merge();
    assertThat(l.base()).isInstanceOf(QuantizedLinear.class);
    assertThat(l.base()).isNotSameAs(q);
    // only the requantisation error remains: far smaller than the adapter's own effect
    assertThat(maxDiff(Mlp.forward(mlp, m, x).toFloatArray(), lora))
        .isLessThan(0.5 * maxDiff(plain, lora));
  }

  @Test
  void rejectsUnsupportedBase() {
    assertThatThrownBy(() -> new LoraLinear(new SequentialBlock()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base");
  }

  static double maxDiff(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }
}
