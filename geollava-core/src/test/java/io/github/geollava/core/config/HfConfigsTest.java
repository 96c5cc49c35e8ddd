package io.github.geollava.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HfConfigsTest {

  @TempDir Path tmp;

  @Test
  void dispatchesOnModelType() throws IOException {
    assertThat(HfConfigs.read(ConfigFixtures.tiny())).isInstanceOf(LlavaNextVideoConfig.class);
    assertThat(HfConfigs.read(ConfigFixtures.nextVideo7b())).isInstanceOf(LlavaNextVideoConfig.class);
    assertThat(HfConfigs.read(ConfigFixtures.videoLlava7b())).isInstanceOf(VideoLlavaConfig.class);
  }

  @Test
  void acceptsTheFolder() throws IOException {
    Path dir = ConfigFixtures.tiny().getParent();
    assertThat(HfConfigs.readLlavaNextVideo(dir).textConfig().vocabSize()).isEqualTo(128);
  }

  @Test
  void rejectsAnUnknownModelTypeNamingTheFile() throws IOException {
    Path f = tmp.resolve("config.json");
    Files.writeString(f, "{\"model_type\": \"llava\"}");
    assertThatThrownBy(() -> HfConfigs.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("'llava'");
  }

  @Test
  void rejectsBrokenJsonNamingTheFile() throws IOException {
    Path f = tmp.resolve("config.json");
    Files.writeString(f, "{\"model_type\": ");
    assertThatThrownBy(() -> HfConfigs.read(f)).isInstanceOf(IOException.class)
        .hasMessageContaining(f.toString());
  }

  @Test
  void invalidFieldMessageNamesFileFieldAndValue() throws IOException {
    String json = Files.readString(ConfigFixtures.tiny()).replace("\"num_key_value_heads\": 2", "\"num_key_value_heads\": 3");
    Path f = tmp.resolve("config.json");
    Files.writeString(f, json);
    assertThatThrownBy(() -> HfConfigs.read(f))
        .hasMessageContaining(f.toString())
        .hasMessageContaining("num_key_value_heads 3");
  }

  @Test
  void writesAtomicallyAndReadsBackEqual() throws IOException {
    LlavaNextVideoConfig c = HfConfigs.readLlavaNextVideo(ConfigFixtures.nextVideo7b());
    Path out = tmp.resolve("sub/config.json");
    HfConfigs.write(c.toJson(), out);
    assertThat(HfConfigs.readLlavaNextVideo(out)).isEqualTo(c);
    try (var files = Files.list(out.getParent())) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void readsGenerationConfig() throws IOException {
    GenerationConfig g = HfConfigs.readGeneration(ConfigFixtures.tiny().getParent());
    assertThat(g.bosTokenId()).isEqualTo(1);
    assertThat(g.eosTokenId()).containsExactly(2);
    assertThat(g.extras()).containsKeys("_from_model_config", "transformers_version");
  }
}
