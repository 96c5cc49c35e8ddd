package io.github.geollava.lora.inject;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.layer.Mlp;
import io.github.geollava.lora.layer.QuantizedLinear;
import io.github.geollava.lora.quant.BnbCheckpoint;
import io.github.geollava.lora.quant.QuantFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizedBaseLoaderTest {

  @Test
  void restoresTheQuantizedBaseWithoutRequantising(@TempDir Path tmp) throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      SequentialBlock dense = Mlp.create(m, 64, 64, 4, 1);
      SafetensorsWriter w = SafetensorsWriter.create();
      for (Map.Entry<String, Parameter> e : ModulePaths.parameters(dense).entrySet()) {
        NDArray a = e.getValue().getArray();
        w.putFloats(e.getKey(), a.toFloatArray(), a.getShape().getShape());
      }
      Path f32 = tmp.resolve("f32.safetensors");
      w.write(f32);
      Path q = tmp.resolve("nf4.safetensors");
      BnbCheckpoint.quantizeFile(f32, q, QuantFormat.NF4, 64, true, n -> n.endsWith(".weight"));

      // reference: quantize the same layers in memory
      SequentialBlock ref = Mlp.create(m, 64, 64, 4, 1);
      LoraInjector.quantizeBase(ref, QuantFormat.NF4, 64, true, p -> true);
      NDArray x = Mlp.input(m, 3, 64, 2);
      float[] expected = Mlp.forward(ref, m, x).toFloatArray();

      // a model whose first layer already carries LoRA: its base is replaced in place
      SequentialBlock model = Mlp.create(m, 64, 64, 4, 7); // different dense weights: must be overwritten
      LoraInjector.builder().setConfig(LoraConfig.builder().setR(2).setTargetModules("0").build())
          .build().inject(model);
      try (SafetensorsFile sf = SafetensorsFile.open(q)) {
        List<String> done = QuantizedBaseLoader.load(model, sf, m);
        assertThat(done).containsExactly("0", "2", "4");
      }
      assertThat(((LoraLinear) ModulePaths.get(model, "0")).base()).isInstanceOf(QuantizedLinear.class);
      assertThat(ModulePaths.get(model, "2")).isInstanceOf(QuantizedLinear.class);
      // the biases come from the file too; LoRA B is zero, so outputs equal the reference
      assertThat(Mlp.forward(model, m, x).toFloatArray()).containsExactly(expected);
    }
  }
}
