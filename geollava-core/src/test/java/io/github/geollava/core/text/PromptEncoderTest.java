package io.github.geollava.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PromptEncoderTest {

  private static TextTokenizer tokenizer;

  @BeforeAll
  static void load() throws IOException {
    tokenizer = TextTokenizerTest.llavaTokenizer();
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void tokensPerFrameFollowTheProcessorFormula() {
    assertThat(PromptEncoder.tokensPerFrame(336, 14, 2)).isEqualTo(144); // LLaVA-NeXT-Video-7B
    assertThat(PromptEncoder.tokensPerFrame(56, 7, 2)).isEqualTo(16); // the golden tiny model
    assertThatThrownBy(() -> PromptEncoder.tokensPerFrame(49, 7, 2)).hasMessageContaining("stride");
  }

  @Test
  void expandsTheVideoTokenInPlace() {
    PromptEncoder enc = new PromptEncoder(tokenizer, ChatTemplate.LLAVA_NEXT_VIDEO, 32000);
    long[] one = tokenizer.encode(ChatTemplate.LLAVA_NEXT_VIDEO.render("Describe."), true);
    long[] ids = enc.encode("Describe.", 2 * 144);
    assertThat(ids).hasSize(one.length - 1 + 288);
    int at = indexOf(one, 32000);
    assertThat(Arrays.copyOfRange(ids, 0, at)).containsExactly(Arrays.copyOfRange(one, 0, at));
    assertThat(Arrays.copyOfRange(ids, at, at + 288)).containsOnly(32000L);
    assertThat(Arrays.copyOfRange(ids, at + 288, ids.length))
        .containsExactly(Arrays.copyOfRange(one, at + 1, one.length));
    assertThat(ids[0]).isEqualTo(1);
    // Expanding the text, as HF's processor does, gives the same ids.
    String expanded =
        ChatTemplate.LLAVA_NEXT_VIDEO.render("Describe.").replace("<video>", "<video>".repeat(288));
    assertThat(tokenizer.encode(expanded, true)).containsExactly(ids);
  }

  @Test
  void rejectsAModelTokenIdTheTokenizerDisagreesWith() {
    assertThatThrownBy(() -> new PromptEncoder(tokenizer, ChatTemplate.LLAVA_NEXT_VIDEO, 127))
        .hasMessageContaining("video_token_index is 127");
  }

  private static int indexOf(long[] a, long v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
