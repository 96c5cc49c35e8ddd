package io.github.geollava.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorConfigTest {

  @TempDir Path dir;

  /** The preprocessor_config.json of llava-hf/LLaVA-NeXT-Video-7B-hf, with its documented values. */
  static final String LLAVA_NEXT_VIDEO = """
      {
        "crop_size": {"height": 336, "width": 336},
        "do_center_crop": true,
        "do_convert_rgb": true,
        "do_normalize": true,
        "do_rescale": true,
        "do_resize": true,
        "image_mean": [0.48145466, 0.4578275, 0.40821073],
        "image_processor_type": "LlavaNextVideoImageProcessor",
        "image_std": [0.26862954, 0.26130258, 0.27577711],
        "processor_class": "LlavaNextVideoProcessor",
        "resample": 3,
        "rescale_factor": 0.00392156862745098,
        "size": {"shortest_edge": 336}
      }
      """;

  @Test
  void parsesTheCheckpointFileAndKeepsUnknownKeys() {
    PreprocessorConfig c = PreprocessorConfig.fromJson(LLAVA_NEXT_VIDEO);
    assertThat(c.shortestEdge()).isEqualTo(336);
    assertThat(c.cropHeight()).isEqualTo(336);
    assertThat(c.resample()).isEqualTo(PreprocessorConfig.BICUBIC);
    assertThat(c.rescaleFactor()).isEqualTo(1 / 255.0);
    assertThat(c.imageStd()).containsExactly(0.26862954, 0.26130258, 0.27577711);
    assertThat(c.extras()).containsOnlyKeys("processor_class");
    assertThat(c).isEqualTo(new PreprocessorConfig(c.imageProcessorType(), true, 336, null, null, 3,
        true, 336, 336, true, 0.00392156862745098, true, PreprocessorConfig.CLIP_MEAN,
        PreprocessorConfig.CLIP_STD, true, c.extras()));
    assertThat(c.outputHeight()).isEqualTo(336);
  }

  @Test
  void defaultsAreClipVitL14At336AndJsonRoundTrips() {
    PreprocessorConfig d = PreprocessorConfig.clipDefaults();
    assertThat(PreprocessorConfig.fromJson("{}")).isEqualTo(d);
    assertThat(PreprocessorConfig.fromJson(d.toJson())).isEqualTo(d);
    PreprocessorConfig c = PreprocessorConfig.fromJson(LLAVA_NEXT_VIDEO);
    assertThat(PreprocessorConfig.fromJson(c.toJson())).isEqualTo(c);
    assertThat(d.withSize(56).cropWidth()).isEqualTo(56);
    assertThat(d.withSize(56).shortestEdge()).isEqualTo(56);
  }

  @Test
  void oldIntegerFormsAndExactSizes() {
    PreprocessorConfig old = PreprocessorConfig.fromJson("{\"size\": 224, \"crop_size\": 224}");
    assertThat(old.shortestEdge()).isEqualTo(224);
    assertThat(old.cropWidth()).isEqualTo(224);
    PreprocessorConfig exact = PreprocessorConfig.fromJson(
        "{\"size\": {\"height\": 100, \"width\": 150}, \"do_center_crop\": false}");
    assertThat(exact.shortestEdge()).isNull();
    assertThat(exact.outputWidth()).isEqualTo(150);
    assertThat(PreprocessorConfig.fromJson(exact.toJson())).isEqualTo(exact);
  }

  @Test
  void badValuesNameTheField() {
    assertThatThrownBy(() -> PreprocessorConfig.fromJson("{\"size\": {\"shortest_edge\": 0}}"))
        .hasMessageContaining("size.shortest_edge").hasMessageContaining("0");
    assertThatThrownBy(() -> PreprocessorConfig.fromJson("{\"image_std\": [1, 0, 1]}"))
        .hasMessageContaining("image_std");
    assertThatThrownBy(() -> PreprocessorConfig.fromJson("{\"image_mean\": [1, 2]}"))
        .hasMessageContaining("image_mean").hasMessageContaining("3 values");
    assertThatThrownBy(() -> PreprocessorConfig.fromJson("{\"resample\": 0}"))
        .hasMessageContaining("resample").hasMessageContaining("nearest");
    assertThatThrownBy(() -> PreprocessorConfig.fromJson("{\"size\": {\"height\": 10}}"))
        .hasMessageContaining("size.width");
    assertThatThrownBy(() -> PreprocessorConfig.fromJson("{\"do_resize\": \"yes\"}"))
        .hasMessageContaining("do_resize");
    assertThatThrownBy(() -> PreprocessorConfig.fromJson("[1]")).hasMessageContaining("JSON object");
  }

  @Test
  void modelDirPrefersTheVideoFileThenTheImageFileThenDefaults() throws Exception {
    assertThat(PreprocessorConfig.fromModelDir(dir)).isEqualTo(PreprocessorConfig.clipDefaults());
    Files.writeString(dir.resolve(PreprocessorConfig.IMAGE_FILE), "{\"size\": {\"shortest_edge\": 224}}");
    assertThat(PreprocessorConfig.fromModelDir(dir).shortestEdge()).isEqualTo(224);
    Files.writeString(dir.resolve(PreprocessorConfig.VIDEO_FILE), "{\"size\": {\"shortest_edge\": 56}}");
    assertThat(PreprocessorConfig.fromModelDir(dir).shortestEdge()).isEqualTo(56);
    Files.writeString(dir.resolve(PreprocessorConfig.VIDEO_FILE), "{\"crop_size\": \"big\"}");
    assertThatThrownBy(() -> PreprocessorConfig.fromModelDir(dir))
        .hasMessageContaining(PreprocessorConfig.VIDEO_FILE).hasMessageContaining("crop_size");
  }
}
