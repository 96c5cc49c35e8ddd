package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path input(String... lines) throws Exception {
    Path f = dir.resolve("in.jsonl");
    Files.write(f, List.of(lines));
    return f;
  }

  @Test
  void writesPerPairScoresSummaryAndCsv() throws Exception {
    Path in =
        input(
            "{\"id\": \"p1\", \"reference\": \"The quick brown fox jumps over the lazy dog\","
                + " \"candidate\": \"ASSISTANT: Answer: The quick brown dog jumps on the log.\"}",
            "",
            "{\"id\": 2, \"reference\": \"a b c d\", \"candidate\": \"a b c e\"}",
            "{\"id\": \"p3\", \"reference\": \"\", \"candidate\": \"...\"}",
            "{\"id\": \"p4\", \"reference\": \"東京 👍\", \"candidate\": \"" + "word ".repeat(10_000)
                + "\"}");
    Path out = dir.resolve("G.jsonl");
    CliRun r =
        CliRun.of("score", "--input", in.toString(), "--out", out.toString(), "--metrics",
            "rouge,bleu,cider");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(4);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("id").asText()).isEqualTo("p1");
    assertThat(first.get("rouge1").get("precision").asDouble()).isEqualTo(0.75);
    for (String f : List.of("rouge1", "rouge2", "rougeL", "rougeLsum")) {
      assertThat(first.get(f).has("fmeasure")).isTrue();
    }
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(second.get("id").asText()).isEqualTo("2");
    assertThat(second.get("bleu").asDouble()).isCloseTo(Math.sqrt(0.5), within(1e-15));
    assertThat(second.has("cider")).isTrue();
    JsonNode third = JSON.readTree(lines.get(2));
    assertThat(third.get("bleu").asDouble()).isZero();
    JsonNode summary = JSON.readTree(dir.resolve("G.summary.json").toFile());
    assertThat(summary.get("count").asInt()).isEqualTo(4);
    assertThat(summary.get("bleu").isNumber()).isTrue();
    assertThat(summary.get("ci95").get("rouge1_fmeasure").get("low").isNumber()).isTrue();
    List<String> csv = Files.readAllLines(dir.resolve("G.csv"));
    assertThat(csv).hasSize(6);
    assertThat(csv.get(5)).startsWith("average,");
    assertThat(r.stdout()).contains("scored 4 pairs");
  }

  @Test
  void optionsChangeBleuAndStemming() throws Exception {
    Path in =
        input("{\"id\": \"a\", \"reference\": \"new buildings appeared\", \"candidate\": \"a new building appears\"}");
    Path out = dir.resolve("o.jsonl");
    assertThat(CliRun.of("score", "--input", in.toString(), "--out", out.toString(), "--metrics", "rouge,bleu",
        "--no-stem", "--bleu-weights", "1", "--bleu-smoothing", "0").exitCode()).isZero();
    JsonNode o = JSON.readTree(Files.readAllLines(out).get(0));
    assertThat(o.get("rouge1").get("recall").asDouble()).isCloseTo(1.0 / 3, within(1e-15));
    // unigram BLEU: 1 match of 4 hypothesis tokens, hypothesis longer than the reference
    assertThat(o.get("bleu").asDouble()).isEqualTo(0.25);
  }

  @Test
  void malformedLineExitsTwoNamingTheLine() throws Exception {
    Path in =
        input(
            "{\"id\": \"a\", \"reference\": \"x\", \"candidate\": \"y\"}",
            "{\"id\": \"b\", \"reference\": \"x\"");
    CliRun r = CliRun.of("score", "--input", in.toString(), "--out", dir.resolve("o.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("line 2");
    Path missing = input("{\"id\": \"a\", \"candidate\": \"y\"}");
    r = CliRun.of("score", "--input", missing.toString(), "--out", dir.resolve("o.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("line 1").contains("'reference'");
  }

  @Test
  void badArgumentsExitTwo() throws Exception {
    Path in = input("{\"id\": \"a\", \"reference\": \"x\", \"candidate\": \"y\"}");
    Path out = dir.resolve("o.jsonl");
    CliRun meteor =
        CliRun.of("score", "--input", in.toString(), "--out", out.toString(), "--metrics", "meteor");
    assertThat(meteor.exitCode()).isEqualTo(2);
    assertThat(meteor.stderr()).contains("meteor");
    CliRun weights =
        CliRun.of("score", "--input", in.toString(), "--out", out.toString(), "--bleu-weights", "x");
    assertThat(weights.exitCode()).isEqualTo(2);
    assertThat(weights.stderr()).contains("'x'");
    assertThat(CliRun.of("score", "--input", dir.resolve("none.jsonl").toString(), "--out",
        out.toString(), "--metrics", "rouge").exitCode())
        .isEqualTo(2);
  }

  @Test
  void embeddingMetricsWithDefaultEncoderAndProgressBar() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ScoreCommand.PROGRESS_THRESHOLD; i++) {
      lines.add("{\"id\": \"" + i + "\", \"reference\": \"a new road number " + (i % 7)
          + "\", \"candidate\": \"a new road number " + (i % 5) + "\"}");
    }
    Path in = input(lines.toArray(new String[0]));
    Path out = dir.resolve("emb.jsonl");
    CliRun r =
        CliRun.of("score", "--input", in.toString(), "--out", out.toString(), "--metrics",
            "similarity,bertscore", "--idf");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode first = JSON.readTree(Files.readAllLines(out).get(0));
    assertThat(first.get("similarity").asDouble()).isCloseTo(1.0, within(1e-6));
    assertThat(first.get("bertscore").get("fmeasure").asDouble()).isCloseTo(1.0, within(1e-6));
    assertThat(r.stderr()).contains("similarity").contains("bertscore");
  }

  @Test
  void siblingNamesReplaceTheExtension() {
    assertThat(ScoreCommand.sibling(Path.of("x/G.jsonl"), ".summary.json"))
        .isEqualTo(Path.of("x/G.summary.json"));
    assertThat(ScoreCommand.sibling(Path.of("G"), ".csv")).isEqualTo(Path.of("G.csv"));
  }
}
