package io.github.geollava.prune.interplay;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.quant.Fp4Tensor;
import io.github.geollava.lora.quant.Int8RowwiseTensor;
import io.github.geollava.lora.quant.Nf4Tensor;
import io.github.geollava.lora.quant.QuantMaps;
import io.github.geollava.lora.quant.QuantizedTensor;
import io.github.geollava.prune.GoldenModel;
import io.github.geollava.prune.MagnitudePruner;
import io.github.geollava.prune.mask.LinearWeights;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import io.github.geollava.prune.select.MagnitudeSelector;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pruning with geollava-lora: zeros survive 4/8-bit quantization, and masks re-apply after a LoRA merge. */
class LoraInterplayTest {

  private static float[] prunedMatrix(int rows, int cols, double sparsity, byte[][] maskOut) {
    Random rnd = new Random(17);
    float[] w = new float[rows * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rnd.nextGaussian() * 0.05);
    }
    byte[] mask = MagnitudeSelector.mask(w, sparsity);
    for (int i = 0; i < w.length; i++) {
      w[i] *= mask[i];
    }
    maskOut[0] = mask;
    return w;
  }

  private static void assertZerosKept(QuantizedTensor q, byte[] mask) {
    float[] d = q.dequantize();
    long zeros = 0;
    for (int i = 0; i < mask.length; i++) {
      if (mask[i] == 0) {
        assertThat(d[i]).as("%s at %d", q.format(), i).isEqualTo(0f);
        zeros++;
      }
    }
    assertThat(zeros).isPositive();
  }

  @Test
  void nf4CodeSevenIsExactlyZero() {
    assertThat(QuantMaps.nf4()[7]).isEqualTo(0f);
    assertThat(QuantMaps.fp4()).contains(0f);
  }

  @Test
  void prunedZerosStayExactlyZeroThroughNf4Fp4AndInt8() {
    byte[][] m = new byte[1][];
    for (double s : new double[] {0.05, 0.10, 0.5, 0.9}) {
      float[] w = prunedMatrix(64, 128, s, m);
      assertZerosKept(Nf4Tensor.quantize(w, 64, 128), m[0]);
      assertZerosKept(Nf4Tensor.quantize(w, new long[] {64, 128}, 64, true), m[0]);
      assertZerosKept(Fp4Tensor.quantize(w, 64, 128), m[0]);
      assertZerosKept(Int8RowwiseTensor.quantize(w, 64, 128), m[0]);
    }
  }

  @Test
  void masksReapplyThroughLoraWrappersAfterMergeAndAfterUnload() throws Exception {
    try (LlavaNextVideoModel model = GoldenModel.load(); NDManager nd = NDManager.newBaseManager()) {
      PruningMasks masks = MagnitudePruner.builder().setSparsity(0.10).build().prune(model.block());
      LoraInjector.builder()
          .setConfig(LoraConfig.builder().setR(4).optLoraAlpha(8).setTargetModules("q_proj", "down_proj").build())
          .build()
          .inject(model.block());
      // Give every adapter a non-zero B, so the merged delta B A touches every weight.
      Random rnd = new Random(5);
      for (LoraLinear l : LoraInjector.loraLayers(model.block()).values()) {
        float[] a = new float[4 * l.inFeatures()];
        float[] b = new float[l.outFeatures() * 4];
        for (int i = 0; i < a.length; i++) {
          a[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
          b[i] = (float) rnd.nextGaussian();
        }
        l.setWeights(LoraLinear.DEFAULT_ADAPTER, a, b);
      }
      String q = "language_model.model.layers.0.self_attn.q_proj";
      TensorMask qm = masks.masks().get(q);

      LoraInjector.merge(model.block());
      assertThat(zerosAt(LinearWeights.at(model.block(), q).getArray(), qm))
          .as("merging B A fills pruned positions").isLessThan(qm.pruned());
      masks.apply(model.block()); // through q_proj.base_layer
      assertThat(zerosAt(LinearWeights.at(model.block(), q).getArray(), qm)).isEqualTo(qm.pruned());

      LoraInjector.unmerge(model.block());
      LoraInjector.mergeAndUnload(model.block());
      masks.apply(model.block()); // plain Linear layers again
      for (Map.Entry<String, TensorMask> e : masks.masks().entrySet()) {
        assertThat(zerosAt(LinearWeights.at(model.block(), e.getKey()).getArray(), e.getValue()))
            .as(e.getKey()).isEqualTo(e.getValue().pruned());
      }
      NDArray[] in = GoldenModel.inputs(nd);
      float[] logits = model.logits(in[0], in[1], in[2], null).toFloatArray();
      for (float f : logits) {
        assertThat(Float.isFinite(f)).isTrue();
      }
    }
  }

  private static long zerosAt(NDArray w, TensorMask m) {
    float[] v = w.toFloatArray();
    long z = 0;
    for (int i = 0; i < v.length; i++) {
      if (!m.kept(i) && v[i] == 0f) {
        z++;
      }
    }
    return z;
  }
}
