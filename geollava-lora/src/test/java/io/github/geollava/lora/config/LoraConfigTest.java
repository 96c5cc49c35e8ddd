package io.github.geollava.lora.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoraConfigTest {

  @Test
  void validationNamesTheField() {
    assertThatThrownBy(() -> LoraConfig.builder().setR(0).setTargetModules("q_proj").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("r:").hasMessageContaining("0");
    assertThatThrownBy(() -> LoraConfig.builder().optLoraAlpha(-1).setTargetModules("q").build())
        .hasMessageStartingWith("lora_alpha:");
    assertThatThrownBy(() -> LoraConfig.builder().optLoraDropout(1.0).setTargetModules("q").build())
        .hasMessageStartingWith("lora_dropout:");
    assertThatThrownBy(() -> LoraConfig.builder().build()).hasMessageStartingWith("target_modules:");
    assertThatThrownBy(() -> LoraConfig.builder().setTargetModules(ModuleSelector.regex("(")).build())
        .hasMessageContaining("regex");
    assertThatThrownBy(() -> LoraConfig.builder().setTargetModules("q").optRankPattern("q", 0).build())
        .hasMessageStartingWith("rank_pattern:");
    assertThatThrownBy(() -> LoraConfig.builder().setTargetModules("q")
        .optLayersPattern(List.of("layers")).build()).hasMessageStartingWith("layers_pattern:");
  }

  @Test
  void peftMatchingSuffixRegexExcludeAndLayers() {
    LoraConfig c = LoraConfig.builder().setTargetModules("q_proj", "v_proj").build();
    assertThat(c.targets("language_model.model.layers.0.self_attn.q_proj")).isTrue();
    assertThat(c.targets("vision_tower.vision_model.encoder.layers.1.self_attn.v_proj")).isTrue();
    assertThat(c.targets("q_proj")).isTrue();
    assertThat(c.targets("language_model.model.layers.0.self_attn.xq_proj")).isFalse();

    LoraConfig rx = LoraConfig.builder().setTargetModules(ModuleSelector.regex(".*language_model.*q_proj")).build();
    assertThat(rx.targets("language_model.model.layers.0.self_attn.q_proj")).isTrue();
    assertThat(rx.targets("vision_tower.vision_model.encoder.layers.0.self_attn.q_proj")).isFalse();

    LoraConfig ex = c.toBuilder().optExcludeModules(ModuleSelector.names("layers.1.self_attn.q_proj")).build();
    assertThat(ex.targets("m.layers.1.self_attn.q_proj")).isFalse();
    assertThat(ex.targets("m.layers.0.self_attn.q_proj")).isTrue();

    LoraConfig layers = c.toBuilder().optLayersToTransform(List.of(1)).build();
    assertThat(layers.targets("language_model.model.layers.1.self_attn.q_proj")).isTrue();
    assertThat(layers.targets("language_model.model.layers.0.self_attn.q_proj")).isFalse();
    LoraConfig pattern = layers.toBuilder().optLayersPattern(List.of("layers")).build();
    assertThat(pattern.targets("x.layers.1.self_attn.q_proj")).isTrue();
    assertThat(pattern.targets("x.blocks.1.self_attn.q_proj")).isFalse();

    LoraConfig all = LoraConfig.builder().setTargetModules(ModuleSelector.allLinear()).build();
    assertThat(all.targets("language_model.lm_head")).isFalse();
    assertThat(all.targets("multi_modal_projector.linear_1")).isTrue();
  }

  @Test
  void scalingRankAndAlphaPatterns() {
    LoraConfig c = LoraConfig.builder().setR(8).optLoraAlpha(16).setTargetModules("q_proj", "v_proj")
        .optRankPattern("v_proj", 4).optAlphaPattern("v_proj", 4).build();
    assertThat(c.scalingFor("a.q_proj")).isEqualTo(2.0);
    assertThat(c.rankFor("a.v_proj")).isEqualTo(4);
    assertThat(c.scalingFor("a.v_proj")).isEqualTo(1.0);
    LoraConfig rs = c.toBuilder().optUseRslora(true).build();
    assertThat(rs.scalingFor("a.q_proj")).isEqualTo(16 / Math.sqrt(8));
  }
}
