package io.github.geollava.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordLevelTokenizersTest {

  @TempDir Path tmp;

  @BeforeAll
  static void offline() {
    System.setProperty("ai.djl.offline", "true");
  }

  @Test
  void casedWhitespaceRoundTripsCaptionsUpToLineBreaks() throws Exception {
    String caption = "Image 1: The scene depicts an airport, including one terminal.\n"
        + "Changes Between the Images: More cars (parked).";
    List<String> words = new ArrayList<>(new LinkedHashSet<>(
        WordLevelTokenizers.words(WordLevelTokenizers.Style.CASED_WHITESPACE, caption)));
    assertThat(words).contains("Image", "1:", "airport,", "(parked).");
    Path file = tmp.resolve("tokenizer.json");
    WordLevelTokenizers.write(List.of("<unk>", "<s>", "</s>"), words,
        WordLevelTokenizers.Style.CASED_WHITESPACE, file);
    try (TextTokenizer t = TextTokenizer.load(file)) {
      long[] ids = t.encode(caption, true);
      assertThat(ids[0]).isEqualTo(1);
      assertThat(ids).hasSize(1 + caption.split("\\s+").length).doesNotContain(0L);
      assertThat(t.decode(ids)).isEqualTo(caption.replace('\n', ' '));
      assertThat(t.encode("airport", false)).containsExactly(0L); // "airport" alone is unknown
    }
  }

  @Test
  void lowercaseWordsSplitPunctuationLikeHuggingFaceWhitespace() throws Exception {
    assertThat(WordLevelTokenizers.words(WordLevelTokenizers.Style.LOWERCASE_WORDS, "An Airport, 2 runways."))
        .containsExactly("an", "airport", ",", "2", "runways", ".");
    List<String> words = List.of("an", "airport", ",", "2", "runways", ".");
    try (TextTokenizer t = WordLevelTokenizers.create(List.of("<unk>", "<s>"), words)) {
      assertThat(t.encode("An Airport, 2 runways.", false)).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }
  }
}
