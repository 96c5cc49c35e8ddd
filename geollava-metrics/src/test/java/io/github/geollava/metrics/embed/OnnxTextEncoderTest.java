package io.github.geollava.metrics.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real all-MiniLM-L6-v2 ONNX model through DJL's ONNX Runtime engine. */
class OnnxTextEncoderTest {

  static OnnxTextEncoder encoder;

  @BeforeAll
  static void load() throws IOException {
    encoder = OnnxTextEncoder.allMiniLmL6V2();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void tokenizesWithSpecialTokensAndNoPadding() {
    long[] ids = encoder.tokenIds("a new building");
    assertThat(ids).startsWith(101L).endsWith(102L).hasSize(5);
    assertThat(encoder.specialTokenMask("a new building"))
        .containsExactly(true, false, false, false, true);
  }

  @Test
  void statesHaveHiddenSize384AndOneRowPerToken() {
    List<TokenStates> s = encoder.encode(List.of("a new building", ""));
    assertThat(encoder.dimension()).isEqualTo(384);
    assertThat(s.get(0).length()).isEqualTo(5);
    assertThat(s.get(0).states()).hasSize(5 * 384);
    assertThat(s.get(1).length()).isEqualTo(2); // [CLS] [SEP]
  }

  @Test
  void truncatesAt256Tokens() {
    List<TokenStates> s = encoder.encode(List.of("word ".repeat(10_000)));
    assertThat(s.get(0).length()).isEqualTo(256);
    assertThat(s.get(0).ids()[255]).isEqualTo(102L);
  }

  @Test
  void batchingMatchesOneByOne() {
    List<String> texts = new ArrayList<>();
    texts.add("A road was built across the farmland.");
    texts.add("Nothing changed.");
    texts.add("Several new residential buildings appeared in the north-east of the site, and the"
        + " parking lot was extended.");
    texts.add("");
    List<TokenStates> batched = encoder.encode(texts);
    for (int i = 0; i < texts.size(); i++) {
      TokenStates single = encoder.encode(List.of(texts.get(i))).get(0);
      assertThat(batched.get(i).ids()).isEqualTo(single.ids());
      float[] a = batched.get(i).states();
      float[] b = single.states();
      for (int k = 0; k < a.length; k++) {
        assertThat((double) a[k]).isCloseTo(b[k], within(1e-5));
      }
    }
  }

  @Test
  void loadsFromAFolderAndRejectsMissingFiles(@TempDir Path dir) {
    assertThatThrownBy(() -> OnnxTextEncoder.fromDirectory(dir, 256))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tokenizer.json");
    assertThatThrownBy(() -> OnnxTextEncoder.fromDirectory(dir.resolve("nope"), 256))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nope");
  }
}
