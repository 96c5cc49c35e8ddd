package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.llava.PromptTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsCommandTest {

  /** The dataset module's committed fixture; surefire runs with the examples module as cwd. */
  private static final Path FIXTURE =
      Path.of("..", "geollava-dataset", "src", "test", "resources", "fmow-mini");

  @TempDir Path out;

  @Test
  void writesThePairsSheetAndTheReport() throws Exception {
    assertThat(FIXTURE.resolve("train")).isDirectory();
    CliRun r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isZero();
    List<String> csv = Files.readAllLines(out.resolve("pairs.csv"));
    assertThat(csv.get(0))
        .isEqualTo("category,location_id,image1,timestamp1,image_path1,image2,timestamp2,image_path2");
    assertThat(csv).hasSize(9);
    assertThat(csv.get(1)).startsWith("airport_hangar,airport_hangar_23,airport_hangar_23_6_rgb.jpg,"
        + "2015-01-10T10:00:00Z,").contains(",airport_hangar_23_2_rgb.jpg,2016-01-10T10:00:00Z,");
    assertThat(Files.readAllLines(out.resolve("pairs.jsonl"))).hasSize(8);
    JsonNode report = new ObjectMapper().readTree(out.resolve("pairs_report.json").toFile());
    assertThat(report.at("/pairing/pairs").asLong()).isEqualTo(8);
    assertThat(report.at("/pairing/oversize_images").asLong()).isEqualTo(1);
    assertThat(report.at("/pairing/scan/skipped").asLong()).isEqualTo(3);
    assertThat(report.at("/pairing/scan/skipped_entries/0/reason").asText()).isEqualTo("INVALID_JSON");
    assertThat(report.at("/pairing/scan/skipped_by_reason/MISSING_TIMESTAMP").asLong()).isEqualTo(1);
    assertThat(r.stdout()).contains("8 pairs (chained, min gap 365 days)");
    assertThat(out.resolve("llava.json")).doesNotExist();
  }

  @Test
  void adjacentPolicyLimitAndAllSplits() throws Exception {
    CliRun r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString(), "--split", "all",
        "--policy", "adjacent", "--limit", "4", "--seed", "3");
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readAllLines(out.resolve("pairs.csv"))).hasSize(5);
    JsonNode report = new ObjectMapper().readTree(out.resolve("pairs_report.json").toFile());
    assertThat(report.at("/pairing/candidate_pairs").asLong()).isEqualTo(9);
    assertThat(report.at("/pairing/limit").asInt()).isEqualTo(4);
  }

  @Test
  void joinsCaptionsIntoLlavaConversations() throws Exception {
    Path captions = out.resolve("captions.jsonl");
    Files.writeString(captions,
        "{\"video\":\"airport_hangar_23_6-airport_hangar_23_2.mp4\",\"caption\":\"A hangar appeared.\"}\n"
            + "{\"id\":\"crop_field_7_2-crop_field_7_1\",\"caption\":\"Fields were harvested.\"}\n"
            + "{\"id\":\"unrelated_1-unrelated_2\",\"caption\":\"Nothing.\"}\n");
    CliRun r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.resolve("o").toString(),
        "--annotations", captions.toString(), "--seed", "9");
    assertThat(r.exitCode()).isZero();
    List<LlavaConversation> conv = LlavaAnnotations.read(out.resolve("o/llava.json"));
    assertThat(conv).extracting(LlavaConversation::id)
        .containsExactly("airport_hangar_23_6-airport_hangar_23_2", "crop_field_7_2-crop_field_7_1");
    assertThat(conv.get(0).video()).isEqualTo("airport_hangar_23_6-airport_hangar_23_2.mp4");
    assertThat(conv.get(0).caption()).isEqualTo("A hangar appeared.");
    assertThat(conv.get(0).prompt()).isEqualTo(PromptTemplates.pick(9, conv.get(0).id()));
    JsonNode report = new ObjectMapper().readTree(out.resolve("o/pairs_report.json").toFile());
    assertThat(report.at("/annotations/conversations").asLong()).isEqualTo(2);
    assertThat(report.at("/annotations/pairs_without_caption").asLong()).isEqualTo(6);
    assertThat(report.at("/annotations/captions_without_pair").asLong()).isEqualTo(1);
  }

  @Test
  void badInputExitsTwoWithAOneLineMessage() {
    CliRun r = CliRun.of("pairs", "--fmow", out.resolve("missing").toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--fmow: not a folder").doesNotContain("\tat ");
    r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString(), "--policy", "random");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("policy: expected chained or adjacent, found 'random'");
    r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString(), "--split", "test");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("split folder 'test' not found");
  }

  @Test
  void helpWorks() {
    CliRun r = CliRun.of("pairs", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("--min-gap-days").contains("--annotations");
  }
}
