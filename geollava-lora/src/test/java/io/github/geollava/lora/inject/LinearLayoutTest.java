package io.github.geollava.lora.inject;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.config.ModuleSelector;
import org.junit.jupiter.api.Test;

class LinearLayoutTest {

  private static final LinearLayout SEVEN_B = LinearLayout.llavaNextVideo7B();

  @Test
  void allLinearR64On7B() {
    LoraConfig c = LoraConfig.builder().setR(64).optLoraAlpha(128)
        .setTargetModules(ModuleSelector.allLinear()).build();
    // LM: per layer 4*64*(4096+4096) + 2*64*(4096+11008) + 64*(11008+4096) = 4,997,120; x32
    long lm = 32L * 4_997_120;
    // CLIP: per layer 4*64*(1024+1024) + 2*64*(1024+4096) = 1,179,648; x24
    long clip = 24L * 1_179_648;
    long projector = 64L * (1024 + 4096) + 64L * (4096 + 4096);
    assertThat(SEVEN_B.loraParameters(c)).isEqualTo(lm + clip + projector).isEqualTo(189_071_360L);
    assertThat(SEVEN_B.loraParameters(c, "vision_tower")).isEqualTo(lm + projector);
    assertThat(SEVEN_B.wrappedLayers(c)).isEqualTo(32 * 7 + 24 * 6 + 2);
  }

  @Test
  void pefts7TargetNamesAlsoHitClipQkv() {
    LoraConfig c = LoraConfig.builder().setR(64).optLoraAlpha(128).setTargetModules(
        "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj").build();
    long lm = 32L * 4_997_120;
    long clipQkv = 24L * 3 * 64 * 2048;
    assertThat(SEVEN_B.loraParameters(c)).isEqualTo(lm + clipQkv).isEqualTo(169_345_024L);
    assertThat(SEVEN_B.loraParameters(c, "vision_tower")).isEqualTo(lm).isEqualTo(159_907_840L);
  }

  @Test
  void demoSizeMatchesPeftsCountInPerfAnchors() {
    // perf-anchors.md: demo model, r=16 on the 7 names, PEFT reports 345,088 trainable (40 modules)
    LinearLayout demo = LinearLayout.llavaNextVideo(4, 128, 512, 4, 256, 688, 8, 4, 32064);
    LoraConfig c = LoraConfig.builder().setR(16).optLoraAlpha(32).setTargetModules(
        "q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj").build();
    assertThat(demo.wrappedLayers(c)).isEqualTo(40);
    assertThat(demo.loraParameters(c)).isEqualTo(345_088L);
  }
}
