package io.github.geollava.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class VideoLlavaConfigTest {

  @Test
  void parsesTheVideoLlava7bFamily() throws IOException {
    VideoLlavaConfig c = (VideoLlavaConfig) HfConfigs.read(ConfigFixtures.videoLlava7b());
    assertThat(c.imageTokenIndex()).isEqualTo(32000);
    assertThat(c.videoTokenIndex()).isEqualTo(32001);
    assertThat(c.visionConfig().imageSize()).isEqualTo(224);
    assertThat(c.videoTokensPerFrame()).isEqualTo(257);
    assertThat(c.videoSeqLength()).isEqualTo(8 * 257);
    assertThat(c.textConfig().vocabSize()).isEqualTo(32064);
    assertThat(c.extras()).containsEntry("pad_token_id", 32001);
    assertThat(VideoLlavaConfig.fromJson(c.toJson())).isEqualTo(c);
  }
}
