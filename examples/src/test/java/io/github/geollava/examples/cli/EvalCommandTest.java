package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code geollava eval} on a tiny model folder and a tiny synthetic set with its videos. */
class EvalCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path fixture;
  static Path synth;
  static Path videos;
  static Path model;
  static Path testJson;
  static Path events;
  static List<LlavaConversation> tests;

  @TempDir Path out;

  @BeforeAll
  static void makeTheSetTheVideosAndTheModel() throws Exception {
    synth = fixture.resolve("synth");
    CliRun r = CliRun.of("synth", "--out", synth.toString(), "--locations", "6", "--size", "64",
        "--seed", "7", "--threads", "1");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    videos = fixture.resolve("videos");
    r = CliRun.of("pairs", "--fmow", synth.toString(), "--split", "all", "--out",
        fixture.resolve("pairs").toString(), "--videos", videos.toString(), "--threads", "2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    model = TinyModels.writeModelDir(5, fixture.resolve("tiny"));
    testJson = synth.resolve("annotations/test.json");
    events = synth.resolve("annotations/pairs_events.jsonl");
    tests = LlavaAnnotations.read(testJson);
    assertThat(tests).hasSizeGreaterThanOrEqualTo(3);
  }

  private CliRun eval(Path outDir, String... extra) {
    return eval(testJson, outDir, extra);
  }

  private CliRun eval(Path testFile, Path outDir, String... extra) {
    List<String> args = new ArrayList<>(List.of("eval", "--model", model.toString(), "--test",
        testFile.toString(), "--videos", videos.toString(), "--out", outDir.toString(),
        "--device", "cpu", "--max-new-tokens", "8", "--metrics", "rouge,bleu"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesPredictionsAndScoresThenResumesWithoutRegenerating() throws Exception {
    CliRun r = eval(out, "--events", events.toString(), "--batch-size", "2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    int n = tests.size();
    assertThat(r.stdout()).contains("captioned " + n + " pairs (0 resumed)");

    List<String> lines = Files.readAllLines(out.resolve("predictions.jsonl"));
    assertThat(lines).hasSize(n);
    for (int i = 0; i < n; i++) {
      JsonNode p = JSON.readTree(lines.get(i));
      assertThat(p.get("id").asText()).isEqualTo(tests.get(i).id());
      assertThat(p.get("reference").asText()).isEqualTo(tests.get(i).caption());
      assertThat(p.get("candidate").isTextual()).isTrue();
    }
    assertThat(Files.readAllLines(out.resolve("scores.jsonl"))).hasSize(n)
        .allSatisfy(l -> assertThat(JSON.readTree(l).has("rouge1")).isTrue());
    List<String> csv = Files.readAllLines(out.resolve("scores.csv"));
    assertThat(csv).hasSize(n + 2);
    assertThat(csv.get(0)).startsWith("id,").contains("rougeL_fmeasure").contains("bleu")
        .endsWith("events_exact");
    assertThat(csv.get(n + 1)).startsWith("average,");
    JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("count").asInt()).isEqualTo(n);
    assertThat(summary.at("/change_events/pairs").asInt()).isEqualTo(n);
    assertThat(summary.at("/change_events/accuracy").asDouble()).isBetween(0.0, 1.0);
    assertThat(summary.at("/generation/generated").asInt()).isEqualTo(n);
    assertThat(summary.at("/config/batch_size").asInt()).isEqualTo(2);

    // a rerun captions nothing and leaves the predictions as they were
    byte[] before = Files.readAllBytes(out.resolve("predictions.jsonl"));
    r = eval(out, "--events", events.toString(), "--batch-size", "2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("captioned 0 pairs (" + n + " resumed)");
    assertThat(Files.readAllBytes(out.resolve("predictions.jsonl"))).isEqualTo(before);
    assertThat(JSON.readTree(out.resolve("summary.json").toFile()).at("/generation/generated").asInt())
        .isZero();

    // a run killed mid-line: the last prediction is lost, its half line ignored and replaced
    String text = new String(before, StandardCharsets.UTF_8);
    int cut = text.lastIndexOf('\n', text.length() - 2) + 1;
    Files.writeString(out.resolve("predictions.jsonl"), text.substring(0, cut + 20));
    r = eval(out, "--batch-size", "2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("captioned 1 pairs (" + (n - 1) + " resumed)");
    assertThat(Files.readAllBytes(out.resolve("predictions.jsonl"))).isEqualTo(before);
  }

  @Test
  void batchSizeDoesNotChangeTheAnswersAndDefaultMetricsIncludeTheEncoderOnes() throws Exception {
    CliRun one = eval(out.resolve("b1"), "--batch-size", "1", "--limit", "3");
    assertThat(one.exitCode()).as(one.stderr()).isZero();
    CliRun all = CliRun.of("eval", "--model", model.toString(), "--test", testJson.toString(),
        "--videos", videos.toString(), "--out", out.resolve("b8").toString(), "--device", "cpu",
        "--max-new-tokens", "8", "--limit", "3");
    assertThat(all.exitCode()).as(all.stderr()).isZero();
    assertThat(Files.readAllLines(out.resolve("b8/predictions.jsonl")))
        .isEqualTo(Files.readAllLines(out.resolve("b1/predictions.jsonl")));
    JsonNode summary = JSON.readTree(out.resolve("b8/summary.json").toFile());
    assertThat(summary.has("similarity")).isTrue();
    assertThat(summary.at("/bertscore/fmeasure").isNumber()).isTrue();
    assertThat(summary.at("/config/batch_size").asInt()).isEqualTo(8);
  }

  @Test
  void limitEvaluatesTheFirstConversations() throws Exception {
    CliRun r = eval(out, "--limit", "2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(Files.readAllLines(out.resolve("predictions.jsonl"))).hasSize(2)
        .satisfies(l -> assertThat(JSON.readTree(l.get(1)).get("id").asText()).isEqualTo(tests.get(1).id()));
    assertThat(JSON.readTree(out.resolve("summary.json").toFile()).get("count").asInt()).isEqualTo(2);
  }

  @Test
  void missingOrEscapingVideosExitTwoNamingThem() throws Exception {
    LlavaConversation c = tests.get(0);
    Path bad = out.resolve("bad.json");
    LlavaAnnotations.write(bad, List.of(LlavaConversation.withPrompt(c.id(), "nope_0-nope_1.mp4",
        c.prompt(), c.caption())));
    CliRun r = eval(bad, out.resolve("o"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("nope_0-nope_1.mp4").contains(c.id()).doesNotContain("\tat ");
    assertThat(r.stderr().strip().lines().count()).isEqualTo(1);

    LlavaAnnotations.write(bad, List.of(LlavaConversation.withPrompt(c.id(), "../escape.mp4",
        c.prompt(), c.caption())));
    r = eval(bad, out.resolve("o"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("'../escape.mp4'").contains("outside");

    r = eval(out.resolve("o"), "--quant", "nf3");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--quant").contains("nf3");
    r = eval(out.resolve("o"), "--batch-size", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--batch-size");
  }

  @Test
  void prunedAndQuantizedBaseStillCaptions() throws Exception {
    // masks go on the dense weights before quantization: a quantized layer has no weight to mask
    Path masks = out.resolve("masks.safetensors");
    CliRun p = CliRun.of("prune", "--model", model.toString(), "--sparsity", "0.5", "--out",
        masks.toString());
    assertThat(p.exitCode()).as(p.stderr()).isZero();
    CliRun r = eval(out, "--quant", "nf4", "--masks", masks.toString(), "--limit", "1");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(Files.readAllLines(out.resolve("predictions.jsonl"))).hasSize(1);
    assertThat(JSON.readTree(out.resolve("summary.json").toFile()).at("/config/quant").asText())
        .isEqualTo("nf4");
  }
}
