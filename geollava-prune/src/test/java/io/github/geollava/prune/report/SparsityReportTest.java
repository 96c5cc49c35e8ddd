package io.github.geollava.prune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.prune.mask.MaskProvenance;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparsityReportTest {

  @TempDir Path tmp;

  private static PruningMasks masks() {
    byte[] a = new byte[4 * 10];
    java.util.Arrays.fill(a, (byte) 1);
    for (int i = 0; i < 10; i++) {
      a[i * 4] = 0; // 10 of 40 pruned
    }
    byte[] b = {0, 0, 1, 1, 1, 1};
    MaskProvenance p = new MaskProvenance("magnitude", 0.25, "layer", ".*", "", "ab", "dev");
    return new PruningMasks(List.of(new TensorMask("l.a", new long[] {4, 10}, a),
        new TensorMask("l.b", new long[] {6}, b)), p);
  }

  @Test
  void countsAndEncodingSizesAreExact() {
    SparsityReport r = SparsityReport.of(masks());
    TensorSparsity a = r.tensors().get(0);
    assertThat(a.parameters()).isEqualTo(40);
    assertThat(a.zeros()).isEqualTo(10);
    assertThat(a.sparsity()).isEqualTo(0.25);
    assertThat(a.denseBytes()).isEqualTo(160);
    assertThat(a.bitmapBytes()).isEqualTo(5 + 4 * 30);
    assertThat(a.csrBytes()).isEqualTo(4 * 5 + 8 * 30);
    TensorSparsity b = r.tensors().get(1);
    assertThat(b.csrBytes()).isEqualTo(4 * 2 + 8 * 4);
    assertThat(b.bitmapBytes()).isEqualTo(1 + 16);
    SparsityReport.Total t = r.total();
    assertThat(t.parameters()).isEqualTo(46);
    assertThat(t.zeros()).isEqualTo(12);
    assertThat(t.csrBytes()).isEqualTo(a.csrBytes() + b.csrBytes());
    assertThat(t.tensorCount()).isEqualTo(2);
  }

  @Test
  void tableAndJsonCarryTheSameNumbersAndTheNote() throws Exception {
    SparsityReport r = SparsityReport.of(masks());
    String table = r.toTable();
    assertThat(table).contains("l.a").contains("25.0000%").contains("total (2 tensors)")
        .contains("no speed-up");
    Path f = tmp.resolve("sub/report.json");
    r.writeJson(f);
    JsonNode json = new ObjectMapper().readTree(Files.readString(f));
    assertThat(json.get("tensors").get(0).get("zeros").asLong()).isEqualTo(10);
    assertThat(json.get("tensors").get(0).get("csrBytes").asLong()).isEqualTo(260);
    assertThat(json.get("total").get("zeros").asLong()).isEqualTo(12);
    assertThat(json.get("note").asText()).contains("no speed-up");
    assertThat(Files.list(f.getParent())).hasSize(1);
  }

  @Test
  void rejectsInconsistentRows() {
    assertThatThrownBy(() -> new TensorSparsity("x", new long[] {2, 2}, 5, 0)).hasMessageContaining("4 weights");
    assertThatThrownBy(() -> new TensorSparsity("x", new long[] {2}, 2, 3)).hasMessageContaining("zeros");
  }
}
