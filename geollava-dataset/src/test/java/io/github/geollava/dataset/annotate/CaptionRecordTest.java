package io.github.geollava.dataset.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionRecordTest {

  @Test
  void keysOnVideoOrId() {
    assertThat(new CaptionRecord("a-b", null, "c").videoKey()).isEqualTo("a-b.mp4");
    assertThat(new CaptionRecord(null, "x.mp4", "c").videoKey()).isEqualTo("x.mp4");
    assertThat(new CaptionRecord(null, "x.mp4", "c").toJsonLine())
        .isEqualTo("{\"video\":\"x.mp4\",\"caption\":\"c\"}");
    assertThatThrownBy(() -> new CaptionRecord(null, " ", "c")).hasMessageStartingWith("id:");
    assertThatThrownBy(() -> new CaptionRecord("r", null, null))
        .hasMessage("caption: missing in record 'r'");
  }

  @Test
  void aBadLineInTheMiddleIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("c.jsonl"),
        "{\"id\":\"a\",\"caption\":\"x\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"caption\":\"y\"}\n");
    assertThatThrownBy(() -> CaptionRecord.readJsonl(f))
        .hasMessage(f + ": line 2: caption: missing in record 'b'");
  }
}
