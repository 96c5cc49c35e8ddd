package io.github.geollava.core.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.core.generate.GenerationOptions;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.TextTokenizer;
import io.github.geollava.core.text.WordLevelTokenizers;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeCaptionerTest {

  private static final GenerationOptions TWELVE =
      GenerationOptions.builder().optMaxNewTokens(12).build(); // no EOS: always 12 tokens

  private static ChangeCaptioner tiny(long seed, GenerationOptions options) throws Exception {
    return ChangeCaptioner.builder()
        .setModel(TinyModels.model(seed), TinyModels.tokenizer())
        .optPreprocessor(TinyModels.preprocessor())
        .optGenerationOptions(options)
        .build();
  }

  @Test
  void describesAPairAsTwelveWordsOfTheVocabulary() throws Exception {
    try (ChangeCaptioner c = tiny(1, TWELVE)) {
      String text = c.describe(TestImages.before(), TestImages.after());
      assertThat(text).isNotBlank();
      assertThat(text.split(" ").length).isBetween(6, 12); // punctuation tokens attach to words
      assertThat(c.describe(List.of(TestImages.before(), TestImages.after()),
              ChangeCaptioner.DEFAULT_PROMPT))
          .isEqualTo(text);
    }
  }

  @Test
  void theImagesAndThePromptMatter() throws Exception {
    try (ChangeCaptioner c = tiny(2, TWELVE)) {
      String pair = c.describe(TestImages.before(), TestImages.after());
      String same = c.describe(TestImages.before(), TestImages.before());
      String other = c.describe(List.of(TestImages.before(), TestImages.after()), "describe the road.");
      assertThat(List.of(same, other)).anyMatch(s -> !s.equals(pair));
    }
  }

  @Test
  void streamsEveryTokenAndCutsAtStopStrings() throws Exception {
    List<Long> streamed = new ArrayList<>();
    String full;
    try (ChangeCaptioner c = tiny(1, TWELVE)) {
      full = c.describe(List.of(TestImages.before(), TestImages.after()), "describe.",
          (row, step, id) -> streamed.add(id));
      long[] ids = streamed.stream().mapToLong(Long::longValue).toArray();
      assertThat(ids).hasSize(12);
      assertThat(c.tokenizer().decode(ids).strip()).isEqualTo(full);
    }
    String stop = full.split(" ")[2];
    GenerationOptions withStop = TWELVE.toBuilder().optStopStrings(List.of(stop)).build();
    try (ChangeCaptioner c = tiny(1, withStop)) {
      String cut = c.describe(List.of(TestImages.before(), TestImages.after()), "describe.");
      assertThat(cut).doesNotContain(stop);
      assertThat(full).startsWith(cut);
    }
  }

  @Test
  void concurrentCallersGetTheSameAnswersAsSequentialOnes() throws Exception {
    try (ChangeCaptioner c = tiny(4, TWELVE)) {
      BufferedImage a = TestImages.before();
      BufferedImage b = TestImages.after();
      String expectedPair = c.describe(a, b);
      String expectedSame = c.describe(a, a);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> pairs = new ArrayList<>();
        List<Future<String>> sames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          pairs.add(pool.submit(() -> c.describe(a, b)));
          sames.add(pool.submit(() -> c.describe(a, a)));
        }
        for (Future<String> f : pairs) {
          assertThat(f.get()).isEqualTo(expectedPair);
        }
        for (Future<String> f : sames) {
          assertThat(f.get()).isEqualTo(expectedSame);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void customizerRunsOnceBeforeUse() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (ChangeCaptioner c =
        ChangeCaptioner.builder()
            .setModel(TinyModels.model(5), TinyModels.tokenizer())
            .optPreprocessor(TinyModels.preprocessor())
            .optModelCustomizer(m -> calls.incrementAndGet())
            .optMaxNewTokens(3)
            .build()) {
      c.describe(TestImages.before(), TestImages.after());
      assertThat(calls).hasValue(1);
      assertThat(c.options().eosTokenIds()).containsExactly(2L);
      assertThat(c.options().padTokenId()).isEqualTo(3L);
    }
  }

  @Test
  void loadsAModelFolderAndAnswersLikeTheModelInMemory(@TempDir Path dir) throws Exception {
    String inMemory;
    try (ChangeCaptioner c = tiny(6, TWELVE)) {
      inMemory = c.describe(TestImages.before(), TestImages.after());
      c.model().save(dir);
    }
    // The folder's tokenizer.json lacks the media tokens; the builder adds them at the config's ids.
    List<String> specials = new ArrayList<>(TinyModels.SPECIAL_TOKENS);
    WordLevelTokenizers.write(specials, new ArrayList<>(new java.util.LinkedHashSet<>(TinyModels.WORDS)),
        dir.resolve("tokenizer.json"));
    try (ChangeCaptioner c =
        ChangeCaptioner.builder()
            .setModelDir(dir)
            .optDevice(ai.djl.Device.cpu())
            .optPreprocessor(TinyModels.preprocessor())
            .optGenerationOptions(TWELVE)
            .build()) {
      assertThat(c.describe(TestImages.before(), TestImages.after())).isEqualTo(inMemory);
    }
  }

  @Test
  void misuseFailsClearly(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ChangeCaptioner.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setModelDir");
    assertThatThrownBy(() -> ChangeCaptioner.builder().setModelDir(dir.resolve("nope")).build())
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    LlavaNextVideoModel m = TinyModels.model(1);
    TextTokenizer t = TinyModels.tokenizer();
    assertThatThrownBy(
            () -> ChangeCaptioner.builder().setModel(m, t)
                .optPreprocessor(TinyModels.preprocessor().withSize(64)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expects 56x56");
    ChangeCaptioner c =
        ChangeCaptioner.builder().setModel(m, t).optPreprocessor(TinyModels.preprocessor()).build();
    c.close();
    c.close(); // idempotent
    assertThatThrownBy(() -> c.describe(TestImages.before(), TestImages.after()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> c.describe(List.of(), "x")).hasMessageContaining("at least one");
  }

  @Test
  void batchedAnswersEqualOneByOneAnswersForPromptsOfDifferentLengths() throws Exception {
    BufferedImage a = TestImages.before();
    BufferedImage b = TestImages.after();
    BufferedImage c = TestImages.tinted(b);
    List<List<BufferedImage>> videos = List.of(List.of(a, b), List.of(b, a), List.of(a, a, b),
        List.of(a, c), List.of(c, c), List.of(b, b), List.of(c, a, b));
    List<String> prompts = List.of("describe.", ChangeCaptioner.DEFAULT_PROMPT,
        "what changed?", "describe the road and the house and the field and the water.",
        "the", ChangeCaptioner.DEFAULT_PROMPT + " be brief.", "describe.");
    try (ChangeCaptioner cap = TinyModels.captioner(8)) {
      List<String> alone = new ArrayList<>();
      for (int i = 0; i < videos.size(); i++) {
        alone.add(cap.describe(videos.get(i), prompts.get(i)));
      }
      // 2-frame videos go in batches of 3 and 2, the 3-frame ones in one batch of 2; order is kept
      assertThat(cap.describeAll(videos, prompts, 3)).containsExactlyElementsOf(alone);
      assertThat(cap.describeAll(videos, prompts, 8)).containsExactlyElementsOf(alone);
      assertThat(cap.describeAll(videos, prompts, 1)).containsExactlyElementsOf(alone);
      assertThat(Set.copyOf(alone)).hasSizeGreaterThan(1); // the rows really differ
    }
  }

  @Test
  void batchedDefaultPromptAndMisuse() throws Exception {
    BufferedImage a = TestImages.before();
    BufferedImage b = TestImages.after();
    try (ChangeCaptioner cap = tiny(3, TWELVE)) {
      assertThat(cap.describeAll(List.of(List.of(a, b), List.of(b, a)), 2))
          .containsExactly(cap.describe(a, b), cap.describe(b, a));
      assertThat(cap.describeAll(List.of(), 4)).isEmpty();
      assertThatThrownBy(() -> cap.describeAll(List.of(List.of(a, b)), List.of(), 2))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 videos but 0 prompts");
      assertThatThrownBy(() -> cap.describeAll(List.of(List.of(a, b)), 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
      assertThatThrownBy(() -> cap.describeAll(List.of(List.of(a, b), List.of()), 2))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("videos[1]");
    }
  }
}
