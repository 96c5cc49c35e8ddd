package io.github.geollava.lora.peft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.lora.config.InitLoraWeights;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.layer.Mlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeftAdaptersTest {

  private NDManager m;

  @BeforeEach
  void setUp() {
    m = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  @Test
  void folderRoundTripReproducesOutputs(@TempDir Path tmp) throws Exception {
    SequentialBlock a = Mlp.create(m, 8, 16, 4, 1);
    LoraConfig c = LoraConfig.builder().setR(3).optLoraAlpha(6).setTargetModules("0", "4")
        .optInitLoraWeights(InitLoraWeights.RANDOM).optModulesToSave(List.of("2")).build();
    LoraInjector.builder().setConfig(c).optSeed(5).build().inject(a);
    NDArray x = Mlp.input(m, 3, 8, 9);
    float[] expected = Mlp.forward(a, m, x).toFloatArray();
    int n = PeftAdapters.save(a, "default", c, tmp);
    assertThat(n).isEqualTo(4 + 2);
    assertThat(PeftAdapters.keys(tmp.resolve(PeftAdapters.WEIGHTS_FILE)).keySet()).containsExactly(
        "base_model.model.0.lora_A.weight", "base_model.model.0.lora_B.weight",
        "base_model.model.2.bias", "base_model.model.2.weight",
        "base_model.model.4.lora_A.weight", "base_model.model.4.lora_B.weight");
    assertThat(Files.readString(tmp.resolve(PeftAdapters.CONFIG_FILE))).contains("\"LORA\"");
    assertThat(Files.readString(tmp.resolve(PeftAdapters.PROVENANCE_FILE))).contains("adapter_model_sha256");

    // a fresh base (same seed) with a perturbed modules_to_save layer: loading restores everything
    SequentialBlock b = Mlp.create(m, 8, 16, 4, 1);
    io.github.geollava.core.nn.ModulePaths.parameters(b).get("2.weight").getArray().muli(0.5f);
    PeftAdapters.load(b, tmp, LoraInjector.builder().optSeed(99));
    assertThat(Mlp.forward(b, m, x).toFloatArray()).containsExactly(expected);
  }

  @Test
  void missingTargetsAreListed(@TempDir Path tmp) throws Exception {
    SequentialBlock a = Mlp.create(m, 8, 16, 4, 1);
    LoraConfig c = LoraConfig.builder().setR(2).setTargetModules("0").build();
    Files.writeString(tmp.resolve(PeftAdapters.CONFIG_FILE),
        io.github.geollava.lora.config.LoraConfigJson.write(c));
    SafetensorsWriter.create()
        .putFloats("base_model.model.0.lora_A.weight", new float[16], 2, 8)
        .putFloats("base_model.model.0.lora_B.weight", new float[32], 16, 2)
        .putFloats("base_model.model.7.lora_A.weight", new float[16], 2, 8)
        .putFloats("base_model.model.9.lora_B.weight", new float[16], 8, 2)
        .write(tmp.resolve(PeftAdapters.WEIGHTS_FILE));
    assertThatThrownBy(() -> PeftAdapters.load(a, tmp, LoraInjector.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no module for 2 adapter targets").hasMessageContaining("[7, 9]");
  }

  @Test
  void shapeMismatchIsNamed(@TempDir Path tmp) throws Exception {
    SequentialBlock a = Mlp.create(m, 8, 16, 4, 1);
    LoraConfig c = LoraConfig.builder().setR(2).setTargetModules("0").build();
    Files.writeString(tmp.resolve(PeftAdapters.CONFIG_FILE),
        io.github.geollava.lora.config.LoraConfigJson.write(c));
    SafetensorsWriter.create()
        .putFloats("base_model.model.0.lora_A.weight", new float[18], 2, 9)
        .putFloats("base_model.model.0.lora_B.weight", new float[32], 16, 2)
        .write(tmp.resolve(PeftAdapters.WEIGHTS_FILE));
    assertThatThrownBy(() -> PeftAdapters.load(a, tmp, LoraInjector.builder()))
        .hasMessageContaining("base_model.model.0.lora_A.weight").hasMessageContaining("[2, 9]");
  }
}
