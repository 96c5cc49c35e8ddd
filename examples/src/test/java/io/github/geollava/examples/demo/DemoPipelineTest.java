package io.github.geollava.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end at a tiny size: data, pairs, videos, pre-training, LoRA, captions, metrics, report. */
class DemoPipelineTest {

  @TempDir Path tmp;

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }

  private static VariantResult row(DemoReport r, String name) {
    return r.variants().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void fineTuningBeatsTheBaseOnHeldOutPairsAndASecondRunReusesEverything() throws Exception {
    Path out = tmp.resolve("demo");
    DemoReport first = DemoPipeline.builder().setOutputDir(out).optSettings(DemoSettings.TINY)
        .optVariants(List.of("LoRA")).build().run();
    VariantResult base = row(first, "base");
    VariantResult lora = row(first, "LoRA");
    assertThat(lora.metrics().get("rouge1")).isGreaterThan(base.metrics().get("rouge1") + 0.05);
    assertThat(lora.trainableParameters()).isPositive().isLessThan(lora.totalParameters());
    assertThat(lora.trainSeconds()).isPositive();
    assertThat(lora.captions()).hasSameSizeAs(first.samples()).allMatch(c -> !c.isBlank());
    assertThat(lora.metrics()).containsKeys("rouge1", "rouge2", "rougeL", "bleu", "events");
    assertThat(out.resolve("report.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("report.html"))).contains("LoRA").contains("data:image/");
    assertThat(out.resolve("variants/LoRA/adapter/adapter_model.safetensors")).isRegularFile();

    Path result = out.resolve("variants/LoRA/result.json");
    java.nio.file.attribute.FileTime stamp = Files.getLastModifiedTime(result);
    Path baseWeights = out.resolve("base/model.safetensors");
    java.nio.file.attribute.FileTime baseStamp = Files.getLastModifiedTime(baseWeights);
    DemoReport second = DemoPipeline.builder().setOutputDir(out).optSettings(DemoSettings.TINY)
        .optVariants(List.of("LoRA")).build().run();
    assertThat(second.variants()).isEqualTo(first.variants());
    // nothing was retrained or re-evaluated: the artifacts are the first run's
    assertThat(Files.getLastModifiedTime(result)).isEqualTo(stamp);
    assertThat(Files.getLastModifiedTime(baseWeights)).isEqualTo(baseStamp);
  }
}
