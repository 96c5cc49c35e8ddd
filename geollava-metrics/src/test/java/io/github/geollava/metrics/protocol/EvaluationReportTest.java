package io.github.geollava.metrics.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.metrics.BootstrapAggregator;
import io.github.geollava.metrics.Score;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

  private static EvaluationReport report() {
    return EvaluationReport.of(
        List.of(
            new SampleScores("a,1", Map.of("rouge1", Score.of(1.0, 0.5)), Map.of("bleu", 0.25)),
            new SampleScores("b", Map.of("rouge1", Score.of(0.0, 0.5)), Map.of("bleu", 0.75))),
        BootstrapAggregator.defaults());
  }

  @Test
  void writesCsvWithAverageRow(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("r.csv");
    report().writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("id,rouge1_precision,rouge1_recall,rouge1_fmeasure,bleu");
    assertThat(lines.get(1)).startsWith("\"a,1\",1.0,0.5,");
    assertThat(lines.get(3)).isEqualTo("average,0.5,0.5," + (2.0 / 3 / 2) + ",0.5");
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1); // no temp file left behind
    }
  }

  @Test
  void writesJsonlAndSummaryWithIssueFieldNames(@TempDir Path dir) throws Exception {
    EvaluationReport r = report();
    r.writeJsonl(dir.resolve("o.jsonl"));
    r.writeSummary(dir.resolve("o.summary.json"), Map.of("stemming", true));
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(Files.readAllLines(dir.resolve("o.jsonl")).get(0));
    assertThat(first.get("id").asText()).isEqualTo("a,1");
    assertThat(first.get("rouge1").get("recall").asDouble()).isEqualTo(0.5);
    assertThat(first.get("bleu").asDouble()).isEqualTo(0.25);
    JsonNode sum = json.readTree(dir.resolve("o.summary.json").toFile());
    assertThat(sum.get("count").asInt()).isEqualTo(2);
    assertThat(sum.get("bleu").asDouble()).isEqualTo(0.5);
    assertThat(sum.get("rouge1").get("precision").asDouble()).isEqualTo(0.5);
    assertThat(sum.get("ci95").get("bleu").get("low").asDouble()).isBetween(0.25, 0.5);
    assertThat(sum.get("config").get("stemming").asBoolean()).isTrue();
  }
}
