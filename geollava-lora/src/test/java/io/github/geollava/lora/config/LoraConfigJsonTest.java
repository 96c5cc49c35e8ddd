package io.github.geollava.lora.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.lora.testing.GoldenTiny;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoraConfigJsonTest {

  @Test
  void readsPeftsGoldenConfig() throws Exception {
    Path p = GoldenTiny.root().resolve("lora_adapter").resolve("adapter_config.json");
    LoraConfig c = LoraConfigJson.parse(Files.readString(p), p.toString());
    assertThat(c.r()).isEqualTo(4);
    assertThat(c.loraAlpha()).isEqualTo(8);
    assertThat(c.initLoraWeights()).isEqualTo(InitLoraWeights.GAUSSIAN);
    assertThat(c.bias()).isEqualTo(BiasMode.NONE);
    assertThat(((ModuleSelector.Names) c.targetModules()).names())
        .containsExactlyInAnyOrder("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");
    assertThat(c.scalingFor("x.q_proj")).isEqualTo(2.0);
  }

  @Test
  void roundTripKeepsEveryField() {
    LoraConfig c = LoraConfig.builder().setR(16).optLoraAlpha(32).optLoraDropout(0.05)
        .setTargetModules(ModuleSelector.regex(".*\\.(q|v)_proj")).optBias(BiasMode.LORA_ONLY)
        .optUseRslora(true).optInitLoraWeights(InitLoraWeights.RANDOM)
        .optModulesToSave(List.of("lm_head")).optLayersToTransform(List.of(0, 2))
        .optLayersPattern(List.of("layers")).optRankPattern("v_proj", 8).optAlphaPattern("v_proj", 4.5)
        .optTaskType("CAUSAL_LM").optExcludeModules(ModuleSelector.names("vision_tower"))
        .build();
    String json = LoraConfigJson.write(c);
    assertThat(json).contains("\"peft_type\" : \"LORA\"").contains("\"r\" : 16");
    assertThat(LoraConfigJson.parse(json, "mem")).isEqualTo(c);
  }

  @Test
  void rejectsWhatItCannotHonour() {
    assertThatThrownBy(() -> LoraConfigJson.parse("{\"peft_type\":\"IA3\",\"target_modules\":[\"q\"]}", "f.json"))
        .hasMessageContaining("f.json").hasMessageContaining("peft_type");
    assertThatThrownBy(() -> LoraConfigJson.parse("{\"use_dora\":true,\"target_modules\":[\"q\"]}", "f.json"))
        .hasMessageContaining("use_dora");
    assertThatThrownBy(() -> LoraConfigJson.parse("{\"target_modules\":[\"q\"],\"init_lora_weights\":\"pissa\"}", "f.json"))
        .hasMessageContaining("init_lora_weights");
    assertThatThrownBy(() -> LoraConfigJson.parse("[1]", "f.json")).hasMessageContaining("f.json");
  }
}
