package io.github.geollava.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClipVisionConfigTest {

  private static ClipVisionConfig parse(String json) throws Exception {
    return ClipVisionConfig.fromJson(ConfigJson.MAPPER.readTree(json), ClipVisionConfig.defaults());
  }

  @Test
  void derivesTheGrid() throws Exception {
    ClipVisionConfig c = parse("{\"image_size\": 336, \"patch_size\": 14, \"hidden_size\": 1024,"
        + " \"num_attention_heads\": 16}");
    assertThat(c.gridSize()).isEqualTo(24);
    assertThat(c.numPositions()).isEqualTo(577);
    assertThat(c.headDim()).isEqualTo(64);
    assertThat(c.hiddenAct()).isEqualTo("quick_gelu");
  }

  @Test
  void imageMustBeAMultipleOfThePatch() {
    assertThatThrownBy(() -> parse("{\"image_size\": 100, \"patch_size\": 14}"))
        .hasMessageContaining("vision_config.image_size 100")
        .hasMessageContaining("patch_size 14");
  }

  @Test
  void keepsUnknownKeys() throws Exception {
    ClipVisionConfig c = parse("{\"vocab_size\": 32000, \"dropout\": 0.0}");
    assertThat(c.extras()).containsKeys("vocab_size", "dropout");
    assertThat(c.toJson().get("vocab_size").asInt()).isEqualTo(32000);
  }
}
