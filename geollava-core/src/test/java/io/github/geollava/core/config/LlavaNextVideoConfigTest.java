package io.github.geollava.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LlavaNextVideoConfigTest {

  @Test
  void parsesTheGoldenTinyConfig() throws IOException {
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(ConfigFixtures.tiny());
    assertThat(c.imageTokenIndex()).isEqualTo(126);
    assertThat(c.videoTokenIndex()).isEqualTo(127);
    assertThat(c.visionFeatureLayer()).isEqualTo(-2);
    assertThat(c.visionFeatureLayerIndex()).isEqualTo(1);
    assertThat(c.videoTokensPerFrame()).isEqualTo(16);
    assertThat(c.videoSeqLength()).isEqualTo(32);
    assertThat(c.visionConfig().patchSize()).isEqualTo(7);
    assertThat(c.textConfig().numKeyValueHeads()).isEqualTo(2);
    assertThat(c.textConfig().headDim()).isEqualTo(16);
    assertThat(c.extras()).containsEntry("torch_dtype", "float32").containsKey("architectures");
  }

  @Test
  void parses7bConfigWithDefaultsFilledIn() throws IOException {
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(ConfigFixtures.nextVideo7b());
    assertThat(c.textConfig().vocabSize()).isEqualTo(32064);
    assertThat(c.textConfig().numKeyValueHeads()).isEqualTo(32);
    assertThat(c.textConfig().headDim()).isEqualTo(128);
    assertThat(c.textConfig().rmsNormEps()).isEqualTo(1e-5);
    assertThat(c.textConfig().hiddenAct()).isEqualTo("silu");
    assertThat(c.visionConfig().layerNormEps()).isEqualTo(1e-5);
    assertThat(c.visionConfig().numPositions()).isEqualTo(577);
    assertThat(c.videoTokensPerFrame()).isEqualTo(144);
    assertThat(c.imageGridPinpoints()).hasSize(5);
    assertThat(c.extras()).containsEntry("use_image_newline_parameter", true);
    assertThat(c.textConfig().extras()).containsEntry("_name_or_path", "lmsys/vicuna-7b-v1.5");
  }

  @Test
  void unknownKeysSurviveTheRoundTrip() throws IOException {
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(ConfigFixtures.nextVideo7b());
    ObjectNode json = c.toJson();
    assertThat(json.get("transformers_version").asText()).isEqualTo("4.42.0.dev0");
    assertThat(json.get("text_config").get("_name_or_path").asText()).isEqualTo("lmsys/vicuna-7b-v1.5");
    assertThat(json.get("vision_config").get("vocab_size").asInt()).isEqualTo(32000);
    assertThat(LlavaNextVideoConfig.fromJson(json)).isEqualTo(c);
  }

  @Test
  void validatesTheFeatureLayer() throws IOException {
    ObjectNode json = HfConfigs.readLlavaNextVideo(ConfigFixtures.tiny()).toJson();
    json.put("vision_feature_layer", -4);
    assertThatThrownBy(() -> LlavaNextVideoConfig.fromJson(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vision_feature_layer")
        .hasMessageContaining("-4");
  }

  @Test
  void validatesThePoolMode() throws IOException {
    ObjectNode json = HfConfigs.readLlavaNextVideo(ConfigFixtures.tiny()).toJson();
    json.put("spatial_pool_mode", "median");
    assertThatThrownBy(() -> LlavaNextVideoConfig.fromJson(json))
        .hasMessageContaining("spatial_pool_mode")
        .hasMessageContaining("'median'");
  }

  @Test
  void rejectsAnotherModelType() throws IOException {
    ObjectNode json = HfConfigs.readLlavaNextVideo(ConfigFixtures.tiny()).toJson();
    json.put("model_type", "llava_next");
    assertThatThrownBy(() -> LlavaNextVideoConfig.fromJson(json)).hasMessageContaining("'llava_next'");
  }
}
