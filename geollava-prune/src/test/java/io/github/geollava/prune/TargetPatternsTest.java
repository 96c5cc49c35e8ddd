package io.github.geollava.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPatternsTest {

  @Test
  void defaultsTargetTheDecoderLayersInBothHuggingFaceLayouts() {
    TargetPatterns d = TargetPatterns.languageModel();
    assertThat(d.matches("language_model.model.layers.3.mlp.down_proj")).isTrue();
    assertThat(d.matches("model.language_model.layers.0.self_attn.q_proj")).isTrue();
    assertThat(d.matches("layers.12.self_attn.o_proj")).isTrue();
    assertThat(d.matches("language_model.lm_head")).isFalse();
    assertThat(d.matches("lm_head")).isFalse();
    assertThat(d.matches("language_model.model.embed_tokens")).isFalse();
    assertThat(d.matches("vision_tower.vision_model.encoder.layers.0.self_attn.q_proj")).isFalse();
    assertThat(d.matches("model.vision_tower.vision_model.encoder.layers.1.mlp.fc1")).isFalse();
    assertThat(d.matches("multi_modal_projector.linear_1")).isFalse();
  }

  @Test
  void allLinearMatchesEverything() {
    assertThat(TargetPatterns.allLinear().matches("language_model.lm_head")).isTrue();
    assertThat(TargetPatterns.allLinear().matches("multi_modal_projector.linear_2")).isTrue();
  }

  @Test
  void includeAndExcludeAreFullMatches() {
    TargetPatterns p = new TargetPatterns(List.of(".*q_proj"), List.of(".*layers\\.0\\..*"));
    assertThat(p.matches("m.layers.1.self_attn.q_proj")).isTrue();
    assertThat(p.matches("m.layers.0.self_attn.q_proj")).isFalse();
    assertThat(p.matches("m.layers.1.self_attn.q_proj_x")).isFalse();
  }

  @Test
  void validates() {
    assertThatThrownBy(() -> new TargetPatterns(List.of(), List.of())).hasMessageContaining("include");
    assertThatThrownBy(() -> new TargetPatterns(List.of("[a"), List.of())).hasMessageContaining("'[a'");
  }
}
