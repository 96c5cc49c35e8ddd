package io.github.geollava.lora.layer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.lora.quant.QuantFormat;
import org.junit.jupiter.api.Test;

class QuantizedLinearTest {

  @Test
  void forwardEqualsDenseLinearOnDequantisedWeightsForEveryFormat() {
    try (NDManager m = NDManager.newBaseManager()) {
      SequentialBlock mlp = Mlp.create(m, 128, 64, 4, 3);
      Linear lin = (Linear) ModulePaths.get(mlp, "0");
      NDArray x = Mlp.input(m, 5, 128, 4);
      NDArray b = lin.getParameters().get("bias").getArray();
      for (QuantFormat f : QuantFormat.values()) {
        QuantizedLinear q = QuantizedLinear.quantize(lin, f, 64, f != QuantFormat.INT8);
        NDArray w = m.create(q.weight().dequantize(), new Shape(64, 128));
        NDArray expected = x.matMul(w.transpose()).add(b);
        NDArray actual = Mlp.forward(q, m, x);
        assertThat(actual.sub(expected).abs().max().getFloat()).as(f.name()).isLessThan(1e-5f);
        assertThat(q.getOutputShapes(new Shape[] {new Shape(2, 7, 128)})[0]).isEqualTo(new Shape(2, 7, 64));
        long bytes = q.storageBytes();
        assertThat(bytes).isLessThan(64L * 128 * 4 / 3);
        q.close();
      }
    }
  }
}
