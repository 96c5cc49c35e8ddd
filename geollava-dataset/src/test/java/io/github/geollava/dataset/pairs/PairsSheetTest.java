package io.github.geollava.dataset.pairs;

import static io.github.geollava.dataset.pairs.PairsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsSheetTest {

  private final TemporalPair pair = TemporalPair.of(
      image("airport_hangar_23", 6, "2015-01-10T10:00:00Z", 1),
      image("airport_hangar_23", 3, "2017-01-09T10:00:00.500Z", 1));

  @Test
  void writesTheAuthorsColumnsInOrder(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("pairs.csv");
    Path jsonl = dir.resolve("pairs.jsonl");
    PairsSheet.write(csv, jsonl, List.of(pair));
    String p1 = Path.of("fmow/train/airport_hangar/airport_hangar_23/airport_hangar_23_6_rgb.jpg").toString();
    String p2 = Path.of("fmow/train/airport_hangar/airport_hangar_23/airport_hangar_23_3_rgb.jpg").toString();
    assertThat(Files.readAllLines(csv)).containsExactly(
        "category,location_id,image1,timestamp1,image_path1,image2,timestamp2,image_path2",
        "airport_hangar,airport_hangar_23,airport_hangar_23_6_rgb.jpg,2015-01-10T10:00:00Z," + p1
            + ",airport_hangar_23_3_rgb.jpg,2017-01-09T10:00:00.500Z," + p2);
    assertThat(Files.readAllLines(jsonl)).containsExactly(
        "{\"category\":\"airport_hangar\",\"location_id\":\"airport_hangar_23\","
            + "\"image1\":\"airport_hangar_23_6_rgb.jpg\",\"timestamp1\":\"2015-01-10T10:00:00Z\","
            + "\"image_path1\":\"" + p1 + "\",\"image2\":\"airport_hangar_23_3_rgb.jpg\","
            + "\"timestamp2\":\"2017-01-09T10:00:00.500Z\",\"image_path2\":\"" + p2 + "\"}");
    assertThat(PairsSheet.readCsv(csv)).containsExactly(PairRow.of(pair));
    assertThat(PairsSheet.readJsonl(jsonl)).containsExactly(PairRow.of(pair));
    assertThat(PairRow.of(pair).videoName()).isEqualTo(pair.videoName());
  }

  @Test
  void quotesFieldsThatNeedItAndReadsThemBack(@TempDir Path dir) throws IOException {
    assertThat(PairsSheet.csvField("plain")).isEqualTo("plain");
    assertThat(PairsSheet.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(PairsSheet.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    PairRow odd = new PairRow("c", "l", "x,1_rgb.jpg", "t1", "/data/a \"b\"/x,1_rgb.jpg",
        "line\nbreak_rgb.jpg", "t2", "p2");
    Path csv = dir.resolve("odd.csv");
    try (PairsSheet.SheetWriter w = PairsSheet.open(csv, null)) {
      w.write(odd);
      w.write(odd);
      assertThat(w.rows()).isEqualTo(2);
      w.commit();
    }
    assertThat(PairsSheet.readCsv(csv)).containsExactly(odd, odd);
  }

  @Test
  void uncommittedWriterLeavesNothing(@TempDir Path dir) throws IOException {
    try (PairsSheet.SheetWriter w = PairsSheet.open(dir.resolve("a.csv"), dir.resolve("a.jsonl"))) {
      w.write(pair);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void badFilesNameTheLine(@TempDir Path dir) throws IOException {
    Path header = dir.resolve("h.csv");
    Files.writeString(header, "category,location\n");
    assertThatThrownBy(() -> PairsSheet.readCsv(header)).hasMessageContaining("line 1: expected the header");
    Path shortRow = dir.resolve("s.csv");
    Files.writeString(shortRow, String.join(",", PairsSheet.COLUMNS) + "\na,b,c\n");
    assertThatThrownBy(() -> PairsSheet.readCsv(shortRow))
        .hasMessage(shortRow + ": line 2: expected 8 fields, found 3");
    Path jsonl = dir.resolve("p.jsonl");
    Files.writeString(jsonl, "{\"category\":\"x\"}\n");
    assertThatThrownBy(() -> PairsSheet.readJsonl(jsonl)).hasMessageContaining(jsonl + ": line 1:");
  }
}
