package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geollava generate} on the golden tiny model of transformers 4.45.1 (core's test fixture). */
class GenerateCommandTest {

  /** Core's committed golden fixture; surefire runs with the examples module as cwd. */
  private static final Path GOLDEN =
      Path.of("..", "geollava-core", "src", "test", "resources", "golden", "llava_tiny");

  @TempDir Path dir;

  private static ByteBuffer raw(String name) throws Exception {
    return ByteBuffer.wrap(Files.readAllBytes(GOLDEN.resolve("tensors").resolve(name + ".bin")))
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  private Path writeInputs() throws Exception {
    long[] ids = new long[45];
    raw("input_ids").asLongBuffer().get(ids);
    Path f = dir.resolve("F.json");
    Files.writeString(f, "{\"input_ids\": [" + Arrays.toString(ids) + "], \"attention_mask\": ["
        + Arrays.toString(new int[45]).replace('0', '1') + "]}");
    float[] px = new float[2 * 3 * 56 * 56];
    raw("pixel_values_videos").asFloatBuffer().get(px);
    SafetensorsWriter.create().putFloats("pixel_values_videos", px, 1, 2, 3, 56, 56)
        .write(dir.resolve("G.safetensors"));
    return f;
  }

  @Test
  void greedyIdsAndPrefillLogitsMatchTransformers() throws Exception {
    Path f = writeInputs();
    CliRun r = CliRun.of("generate", "--model", GOLDEN.resolve("model").toString(), "--input", f.toString(),
        "--video", dir.resolve("G.safetensors").toString(), "--max-new-tokens", "10",
        "--device", "cpu", "--logits-out", dir.resolve("H.safetensors").toString(),
        "--out", dir.resolve("OUT.json").toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode out = new ObjectMapper().readTree(dir.resolve("OUT.json").toFile());
    assertThat(out.get("sequences").toString()).isEqualTo("[[114,70,122,44,18,114,70,122,44,18]]");
    float[] want = new float[45 * 128];
    raw("logits").asFloatBuffer().get(want);
    try (SafetensorsFile h = SafetensorsFile.open(dir.resolve("H.safetensors"))) {
      assertThat(h.info("logits").shape()).containsExactly(1, 45, 128);
      float[] got = h.readFloats("logits");
      float max = 0;
      for (int i = 0; i < want.length; i++) {
        max = Math.max(max, Math.abs(got[i] - want[i]));
      }
      assertThat(max).isLessThanOrEqualTo(1e-4f);
    }
  }

  @Test
  void adapterGivesPeftsLoraGreedyIds() throws Exception {
    // PEFT 0.13.0's adapter for the golden model; transformers + PEFT's greedy ids with it.
    Path f = writeInputs();
    CliRun r = CliRun.of("generate", "--model", GOLDEN.resolve("model").toString(), "--input", f.toString(),
        "--video", dir.resolve("G.safetensors").toString(), "--max-new-tokens", "10",
        "--device", "cpu", "--adapter", GOLDEN.resolve("lora_adapter").toString(),
        "--out", dir.resolve("OUT.json").toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(Files.readString(dir.resolve("OUT.json")))
        .contains("[[74,120,40,13,40,75,23,14,14,14]]");
  }

  @Test
  void aSafetensorsFileThatHoldsNoMasksIsBadInputNamingTheFile() throws Exception {
    Path f = writeInputs();
    Path masks = dir.resolve("masks.safetensors");
    SafetensorsWriter.create()
        .put("no.such.module.weight_mask", io.github.geollava.core.safetensors.SafetensorsDType.U8,
            new long[] {2, 2}, new byte[] {1, 0, 1, 1})
        .write(masks);
    CliRun r = CliRun.of("generate", "--model", GOLDEN.resolve("model").toString(), "--input", f.toString(),
        "--video", dir.resolve("G.safetensors").toString(), "--max-new-tokens", "2",
        "--device", "cpu", "--masks", masks.toString(), "--out", dir.resolve("OUT.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains(masks.toString()).contains("geollava-prune-masks");
  }

  @Test
  void noCacheGivesTheSameIds() throws Exception {
    Path f = writeInputs();
    CliRun r = CliRun.of("generate", "--model", GOLDEN.resolve("model").toString(), "--input", f.toString(),
        "--video", dir.resolve("G.safetensors").toString(), "--max-new-tokens", "10", "--no-cache",
        "--device", "cpu", "--out", dir.resolve("OUT.json").toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(Files.readString(dir.resolve("OUT.json")))
        .contains("[[114,70,122,44,18,114,70,122,44,18]]");
  }

  @Test
  void badInputsExitTwoNamingTheCulprit() throws Exception {
    Path f = writeInputs();
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"input_ids\": [[1, 2, \"x\"]]}");
    CliRun r = CliRun.of("generate", "--model", GOLDEN.resolve("model").toString(), "--input", bad.toString(),
        "--out", dir.resolve("OUT.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("bad.json").contains("\"input_ids\"[0][2]");

    SafetensorsWriter.create().putFloats("pixel_values_videos", new float[3 * 56 * 56], 1, 3, 56, 56)
        .write(dir.resolve("flat.safetensors"));
    r = CliRun.of("generate", "--model", GOLDEN.resolve("model").toString(), "--input", f.toString(),
        "--video", dir.resolve("flat.safetensors").toString(), "--out",
        dir.resolve("OUT.json").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("flat.safetensors").contains("[1, T, 3, H, W]");
    assertThat(dir.resolve("OUT.json")).doesNotExist();
  }
}
