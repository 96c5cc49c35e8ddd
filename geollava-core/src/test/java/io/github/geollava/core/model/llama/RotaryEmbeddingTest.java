package io.github.geollava.core.model.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.config.LlamaConfig;
import org.junit.jupiter.api.Test;

class RotaryEmbeddingTest {

  private static LlamaConfig config(String ropeScaling) throws Exception {
    String json = "{\"model_type\": \"llava_next_video\", \"vision_config\": {\"image_size\": 28,"
        + " \"patch_size\": 14, \"hidden_size\": 8, \"num_attention_heads\": 2, \"num_hidden_layers\": 1},"
        + " \"text_config\": {\"hidden_size\": 8, \"num_attention_heads\": 2, \"rope_theta\": 100.0,"
        + " \"rope_scaling\": " + ropeScaling + "}}";
    return LlavaNextVideoConfig.fromJson(new ObjectMapper().readTree(json)).textConfig();
  }

  @Test
  void cosAndSinFollowTheClosedForm() throws Exception {
    RotaryEmbedding rope = new RotaryEmbedding(config("null"));
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDList cs = rope.cosSin(m.create(new long[] {0, 3}).reshape(1, 2), DataType.FLOAT32);
      assertThat(cs.get(0).getShape()).isEqualTo(new Shape(1, 1, 2, 4));
      float[] cos = cs.get(0).toFloatArray();
      // D = 4: inv_freq = [1, 100^-0.5 = 0.1], repeated: [1, 0.1, 1, 0.1]
      assertThat(cos[4]).isCloseTo((float) Math.cos(3.0), within(1e-6f));
      assertThat(cos[5]).isCloseTo((float) Math.cos(0.3), within(1e-6f));
      assertThat(cos[6]).isCloseTo((float) Math.cos(3.0), within(1e-6f));
      assertThat(cs.get(1).toFloatArray()[0]).isZero();
    }
  }

  @Test
  void linearScalingDividesThePositions() throws Exception {
    RotaryEmbedding scaled = new RotaryEmbedding(config("{\"type\": \"linear\", \"factor\": 2.0}"));
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      float[] cos = scaled.cosSin(m.create(new long[] {3}).reshape(1, 1), DataType.FLOAT32).get(0).toFloatArray();
      assertThat(cos[0]).isCloseTo((float) Math.cos(1.5), within(1e-6f));
    }
  }

  @Test
  void rotatesHalves() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 1, 4));
      NDArray cos = m.zeros(new Shape(1, 1, 1, 4));
      NDArray sin = m.ones(new Shape(1, 1, 1, 4));
      // cos 0, sin 1: the result is rotate_half(x) = [-x3, -x4, x1, x2]
      assertThat(RotaryEmbedding.apply(x, cos, sin).toFloatArray()).containsExactly(-3, -4, 1, 2);
    }
  }

  @Test
  void rejectsUnsupportedScaling() {
    assertThatThrownBy(() -> new RotaryEmbedding(config("{\"rope_type\": \"dynamic\", \"factor\": 2.0}")))
        .hasMessageContaining("'dynamic'");
  }
}
