package io.github.geollava.core.model.llavanext;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlavaNextVideoWeightsTest {

  private static Path resource(String p) throws Exception {
    return Path.of(LlavaNextVideoWeightsTest.class.getResource(p).toURI());
  }

  @Test
  void sevenBillionParametersFromTheConfigAlone() throws Exception {
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(resource("/configs/llava-next-video-7b/config.json"));
    long n = LlavaNextVideoWeights.parameterCount(c);
    // LLaMA-2-7B with 32,064 rows (6,738,939,904) + CLIP ViT-L/14-336 vision model (303,507,456)
    // + projector (20,979,712) + image_newline (4,096): the "7.06B" of LLaVA-NeXT-Video-7B
    assertThat(n).isEqualTo(7_063_431_168L);
    Map<String, long[]> shapes = LlavaNextVideoWeights.expectedShapes(c);
    assertThat(shapes.get("language_model.model.layers.31.self_attn.k_proj.weight")).containsExactly(4096, 4096);
    assertThat(shapes.get("vision_tower.vision_model.embeddings.position_embedding.weight")).containsExactly(577, 1024);
    assertThat(shapes.get("multi_modal_projector.linear_1.weight")).containsExactly(4096, 1024);
    // vision embeddings 3, pre norm 2, 24 layers x 16, post norm 2, projector 4, image_newline,
    // embed_tokens, 32 layers x 9, final norm, lm_head
    assertThat(shapes).hasSize(3 + 2 + 24 * 16 + 2 + 4 + 1 + 1 + 32 * 9 + 1 + 1);
  }

  @Test
  void theGoldenCountMatchesTransformers() throws Exception {
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(resource("/golden/llava_tiny/model/config.json"));
    assertThat(LlavaNextVideoWeights.parameterCount(c)).isEqualTo(120_800L);
    assertThat(LlavaNextVideoWeights.expectedShapes(c)).hasSize(65);
  }

  @Test
  void translatesTheNewLayout() {
    assertThat(LlavaNextVideoWeights.toLegacy("model.language_model.layers.3.mlp.up_proj.weight"))
        .isEqualTo("language_model.model.layers.3.mlp.up_proj.weight");
    assertThat(LlavaNextVideoWeights.toLegacy("lm_head.weight")).isEqualTo("language_model.lm_head.weight");
    assertThat(LlavaNextVideoWeights.toLegacy("model.vision_tower.vision_model.post_layernorm.bias"))
        .isEqualTo("vision_tower.vision_model.post_layernorm.bias");
    assertThat(LlavaNextVideoWeights.toLegacy("model.multi_modal_projector.linear_1.weight"))
        .isEqualTo("multi_modal_projector.linear_1.weight");
    assertThat(LlavaNextVideoWeights.toLegacy("model.image_newline")).isEqualTo("image_newline");
    assertThat(LlavaNextVideoWeights.toLegacy("language_model.lm_head.weight"))
        .isEqualTo("language_model.lm_head.weight");
  }

  @Test
  void recognisesOldBuffers() {
    assertThat(LlavaNextVideoWeights.isIgnored("vision_tower.vision_model.embeddings.position_ids")).isTrue();
    assertThat(LlavaNextVideoWeights.isIgnored("language_model.model.layers.0.self_attn.rotary_emb.inv_freq"))
        .isTrue();
    assertThat(LlavaNextVideoWeights.isIgnored("image_newline")).isFalse();
  }
}
