package io.github.geollava.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GenerationConfigTest {

  @Test
  void defaultsAreGreedy() {
    GenerationConfig g = GenerationConfig.defaultConfig();
    assertThat(g.doSample()).isFalse();
    assertThat(g.maxLength()).isEqualTo(20);
    assertThat(g.eosTokenId()).isEmpty();
    assertThat(g.topK()).isEqualTo(50);
  }

  @Test
  void roundTripsWithUnknownKeys() throws Exception {
    GenerationConfig g = GenerationConfig.fromJson(ConfigJson.MAPPER.readTree(
        "{\"eos_token_id\": [2, 3], \"max_new_tokens\": 350, \"do_sample\": true, \"top_p\": 0.9,"
            + " \"transformers_version\": \"4.45.1\"}"));
    assertThat(g.eosTokenId()).containsExactly(2, 3);
    assertThat(g.maxNewTokens()).isEqualTo(350);
    assertThat(GenerationConfig.fromJson(g.toJson())).isEqualTo(g);
    assertThat(g.toJson().get("transformers_version").asText()).isEqualTo("4.45.1");
  }

  @Test
  void validatesTopP() {
    assertThatThrownBy(() -> GenerationConfig.fromJson(ConfigJson.MAPPER.readTree("{\"top_p\": 0}")))
        .hasMessageContaining("top_p")
        .hasMessageContaining("0");
  }
}
