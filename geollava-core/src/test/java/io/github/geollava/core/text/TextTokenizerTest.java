package io.github.geollava.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTokenizerTest {

  static final Path LLAMA = Paths.get("src/test/resources/tokenizers/llama2-tokenizer.json");

  private static TextTokenizer llava;

  /** The 7B checkpoints' layout: LLaMA's 32,000 tokens, then {@code <video>} and {@code <image>}. */
  static TextTokenizer llavaTokenizer() throws IOException {
    return TextTokenizer.builder()
        .setTokenizerFile(LLAMA)
        .optAddedSpecialToken("<video>", 32000)
        .optAddedSpecialToken("<image>", 32001)
        .build();
  }

  @BeforeAll
  static void load() throws IOException {
    llava = llavaTokenizer();
  }

  @AfterAll
  static void close() {
    llava.close();
  }

  @Test
  void encodesLikeSentencePieceWithBos() throws IOException {
    try (TextTokenizer plain = TextTokenizer.load(LLAMA)) {
      assertThat(plain.encode("Hello world", true)).containsExactly(1, 15043, 3186);
      assertThat(plain.encode("Hello world", false)).containsExactly(15043, 3186);
    }
  }

  @Test
  void addedSpecialTokensGetTheCheckpointIdsAndStayWhole() {
    assertThat(llava.requireTokenId("<video>")).isEqualTo(32000);
    assertThat(llava.requireTokenId("<image>")).isEqualTo(32001);
    assertThat(llava.requireTokenId("</s>")).isEqualTo(2);
    long[] ids = llava.encode("USER: <video>\nHi ASSISTANT:", true);
    assertThat(ids).contains(32000L);
    assertThat(ids[0]).isEqualTo(1);
  }

  @Test
  void decodeSkipsSpecialTokens() {
    long[] ids = llava.encode("Hello world", true);
    long[] withVideo = new long[ids.length + 2];
    withVideo[0] = 32000;
    System.arraycopy(ids, 0, withVideo, 1, ids.length);
    withVideo[withVideo.length - 1] = 2;
    assertThat(llava.decode(withVideo)).isEqualTo("Hello world");
    assertThat(llava.decode(withVideo, false)).contains("<video>").contains("</s>");
    assertThat(llava.decode(new long[0])).isEmpty();
  }

  @Test
  void longTextsAreNotTruncated() {
    // DJL defaults maxLength to 512; a 7B prompt with 8 x 144 video tokens is longer.
    String text = "word ".repeat(1500) + "<video>".repeat(1152);
    long[] ids = llava.encode(text, true);
    assertThat(ids.length).isGreaterThan(2600);
    assertThat(ids[ids.length - 1]).isEqualTo(32000);
  }

  @Test
  void wrongAddedIdFailsNamingTheToken() {
    assertThatThrownBy(
            () ->
                TextTokenizer.builder()
                    .setTokenizerFile(LLAMA)
                    .optAddedSpecialToken("<video>", 32005)
                    .build())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("<video>")
        .hasMessageContaining("32005");
  }

  @Test
  void missingOrMalformedFilesFailClearly(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> TextTokenizer.load(dir)).isInstanceOf(IOException.class);
    Path bad = dir.resolve("tokenizer.json");
    Files.writeString(bad, "{\"version\": \"1.0\"}");
    assertThatThrownBy(() -> TextTokenizer.load(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("model");
    Files.writeString(bad, "{not json");
    assertThatThrownBy(() -> TextTokenizer.load(bad))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not valid JSON");
  }
}
