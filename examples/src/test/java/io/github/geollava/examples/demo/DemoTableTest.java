package io.github.geollava.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTableTest {

  @Test
  void formatsAlignedColumnsWithHeaderRule() {
    String[] lines = DemoTable.format(Fixtures.rows()).split("\n");

    assertThat(lines).hasSize(5);
    assertThat(lines[0]).startsWith("Variant").contains("Trainable", "Base weights", "Train s", "ROUGE-1",
        "ROUGE-2", "ROUGE-L", "BLEU-2", "Sim", "BERTScore", "Events").endsWith("Events");
    assertThat(lines[1]).matches("[- ]+");
    // every column ends where the header's column ends: right-aligned numbers under right-aligned headers
    int eventsEnd = lines[0].length();
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).hasSize(eventsEnd).doesNotEndWith(" ");
    }
    int rouge1End = lines[0].indexOf("ROUGE-1") + "ROUGE-1".length();
    assertThat(lines[2].substring(rouge1End - 5, rouge1End)).isEqualTo("0.123");
    assertThat(lines[3].substring(rouge1End - 5, rouge1End)).isEqualTo("0.457");
    // the rule's dash runs line up with the columns
    assertThat(lines[1].charAt(rouge1End - 1)).isEqualTo('-');
    assertThat(lines[1].charAt(rouge1End)).isEqualTo(' ');
    assertThat(lines[2]).startsWith("base ");
  }

  @Test
  void usesHumanUnitsAndDashes() {
    String table = DemoTable.format(Fixtures.rows());
    String base = table.lines().filter(l -> l.startsWith("base")).findFirst().orElseThrow();
    String lora = table.lines().filter(l -> l.startsWith("LoRA")).findFirst().orElseThrow();
    String qlora = table.lines().filter(l -> l.startsWith("QLoRA")).findFirst().orElseThrow();

    assertThat(base).contains("5.9 MiB").containsPattern("^base +- +5\\.9 MiB +- +0\\.123");
    assertThat(lora).contains("98.3 k (6.0%)", "5.9 MiB", "123.5", "0.457", "0.700");
    assertThat(qlora).contains("976.6 KiB", "200.0", "0.850");
  }

  @Test
  void missingMetricPrintsDash() {
    List<String> cells = DemoTable.cells(Fixtures.rows().get(1));
    assertThat(cells.get(DemoTable.HEADERS.indexOf("BERTScore"))).isEqualTo("-");
    assertThat(cells.get(DemoTable.HEADERS.indexOf("Events"))).isEqualTo("0.500");

    VariantResult nan = new VariantResult("x", "", 1, 2, 3, 1, Map.of("rouge1", Double.NaN), null);
    assertThat(DemoTable.cells(nan).get(4)).isEqualTo("-");
  }

  @Test
  void markdownHasSameColumnsAndBoldsBest() {
    String md = DemoTable.markdown(Fixtures.rows());
    List<String> lines = md.lines().toList();

    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("| Variant | Trainable | Base weights | Train s | ROUGE-1 | ROUGE-2 | "
        + "ROUGE-L | BLEU-2 | Sim | BERTScore | Events |");
    assertThat(lines.get(1)).isEqualTo("|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    assertThat(lines.get(2)).startsWith("| base | - | 5.9 MiB | - | 0.123 |").doesNotContain("**");
    assertThat(lines.get(3)).contains("| **0.457** |", "| 0.200 |", "| **0.400** |", "| **0.300** |",
        "| **0.700** |", "| - |", "| **0.500** |");
    assertThat(lines.get(4)).contains("| **0.250** |", "| **0.850** |");
    assertThat(lines).allSatisfy(l -> assertThat(l.chars().filter(ch -> ch == '|').count()).isEqualTo(12));
  }

  @Test
  void markdownEscapesPipesInNames() {
    VariantResult r = new VariantResult("a|b", "", 0, 0, 0, 0, Map.of(), List.of());
    assertThat(DemoTable.markdown(List.of(r))).contains("| a\\|b |");
  }

  @Test
  void unitsRoundAtBoundaries() {
    assertThat(Units.count(0)).isEqualTo("-");
    assertThat(Units.count(512)).isEqualTo("512");
    assertThat(Units.count(1_234_567)).isEqualTo("1.23 M");
    assertThat(Units.count(999_960)).isEqualTo("1.00 M");
    assertThat(Units.count(999_499)).isEqualTo("999 k");
    assertThat(Units.count(6_738_415_616L)).isEqualTo("6.74 B");
    assertThat(Units.bytes(512)).isEqualTo("512 B");
    assertThat(Units.bytes(4_299_162)).isEqualTo("4.1 MiB");
    assertThat(Units.bytes(1024L * 1024 - 10)).isEqualTo("1.0 MiB");
    assertThat(Units.seconds(0)).isEqualTo("-");
    assertThat(Units.metric(0.0005)).isEqualTo("0.001");
    assertThat(Units.countWithShare(98_304, 1_632_512)).isEqualTo("98.3 k (6.0%)");
  }
}
