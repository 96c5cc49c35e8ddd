package io.github.geollava.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class LlamaConfigTest {

  private static LlamaConfig parse(String json) throws Exception {
    return LlamaConfig.fromJson(ConfigJson.MAPPER.readTree(json));
  }

  @Test
  void defaultsAreLlama2_7b() throws Exception {
    LlamaConfig c = parse("{}");
    assertThat(c.hiddenSize()).isEqualTo(4096);
    assertThat(c.numKeyValueHeads()).isEqualTo(32);
    assertThat(c.headDim()).isEqualTo(128);
    assertThat(c.kvGroups()).isEqualTo(1);
    assertThat(c.ropeScalingType()).isNull();
    assertThat(c.ropeScalingFactor()).isEqualTo(1.0);
    assertThat(c.eosTokenId()).containsExactly(2);
  }

  @Test
  void readsLinearRopeScalingInBothSpellings() throws Exception {
    assertThat(parse("{\"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}}").ropeScalingFactor())
        .isEqualTo(2.0);
    assertThat(parse("{\"rope_scaling\": {\"rope_type\": \"linear\", \"factor\": 4}}").ropeScalingType())
        .isEqualTo("linear");
  }

  @Test
  void acceptsAListOfEosIdsAndWritesASingleOneBack() throws Exception {
    assertThat(parse("{\"eos_token_id\": [2, 7]}").eosTokenId()).containsExactly(2, 7);
    ObjectNode json = parse("{\"eos_token_id\": 5}").toJson();
    assertThat(json.get("eos_token_id").asInt()).isEqualTo(5);
  }

  @Test
  void gqaHeadsMustDivide() {
    assertThatThrownBy(() -> parse("{\"num_attention_heads\": 32, \"num_key_value_heads\": 5}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("num_key_value_heads 5");
  }

  @Test
  void ropeScalingNeedsAFactor() {
    assertThatThrownBy(() -> parse("{\"rope_scaling\": {\"type\": \"linear\"}}"))
        .hasMessageContaining("rope_scaling.factor");
  }

  @Test
  void unsupportedActivationIsNamed() {
    assertThatThrownBy(() -> parse("{\"hidden_act\": \"gelu\"}"))
        .hasMessageContaining("text_config.hidden_act")
        .hasMessageContaining("'gelu'");
  }
}
