package io.github.geollava.core.caption;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.text.TextTokenizer;
import org.junit.jupiter.api.Test;

class TinyModelsTest {

  @Test
  void configIsTinyWithGqaAndSixteenTokensPerFrame() {
    LlavaNextVideoConfig c = TinyModels.config();
    assertThat(c.videoTokensPerFrame()).isEqualTo(16);
    assertThat(c.textConfig().numKeyValueHeads()).isEqualTo(2);
    assertThat(c.textConfig().vocabSize()).isEqualTo(TinyModels.vocabSize());
    assertThat(c.videoTokenIndex()).isEqualTo(TinyModels.videoTokenId());
  }

  @Test
  void tokenizerIsARealWordLevelTokenizerWithTheMediaTokens() {
    try (TextTokenizer t = TinyModels.tokenizer()) {
      assertThat(t.requireTokenId("<video>")).isEqualTo(TinyModels.videoTokenId());
      assertThat(t.requireTokenId("<image>")).isEqualTo(TinyModels.imageTokenId());
      long[] ids = t.encode("Describe the road, and the new buildings.", true);
      assertThat(ids[0]).isEqualTo(1); // <s>
      assertThat(ids).doesNotContain(0L); // every word is in the vocabulary
      assertThat(t.decode(ids)).isEqualTo("describe the road, and the new buildings.");
      assertThat(t.encode("zebra", false)).containsExactly(0L); // <unk>
    }
  }

  @Test
  void equalSeedsGiveEqualWeightsAndDifferentSeedsDiffer() {
    try (LlavaNextVideoModel a = TinyModels.model(7);
        LlavaNextVideoModel b = TinyModels.model(7);
        LlavaNextVideoModel c = TinyModels.model(8);
        NDManager m = NDManager.newBaseManager()) {
      NDArray ids = m.create(new long[] {1, 10, 11, 12}, new Shape(1, 4));
      NDArray mask = m.ones(new Shape(1, 4), ai.djl.ndarray.types.DataType.INT64);
      float[] la = a.logits(ids, mask, null, null).toFloatArray();
      float[] lb = b.logits(ids, mask, null, null).toFloatArray();
      float[] lc = c.logits(ids, mask, null, null).toFloatArray();
      assertThat(la).containsExactly(lb);
      assertThat(la).isNotEqualTo(lc);
      assertThat(la).hasSize(4 * TinyModels.vocabSize());
    }
  }

  @Test
  void writesAModelFolderThatLoadsLikeACheckpoint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String inMemory;
    try (ChangeCaptioner c = TinyModels.captioner(9, 6)) {
      inMemory = c.describe(TestImages.before(), TestImages.after());
    }
    TinyModels.writeModelDir(9, dir);
    assertThat(dir.resolve("tokenizer.json")).exists();
    assertThat(dir.resolve("preprocessor_config.json")).exists();
    try (TextTokenizer t = TextTokenizer.load(dir)) {
      assertThat(t.requireTokenId("<video>")).isEqualTo(TinyModels.videoTokenId());
    }
    try (ChangeCaptioner c =
        ChangeCaptioner.builder().setModelDir(dir).optDevice(ai.djl.Device.cpu()).optMaxNewTokens(6)
            .build()) {
      assertThat(c.describe(TestImages.before(), TestImages.after())).isEqualTo(inMemory);
    }
  }

  @Test
  void captionerDescribesDeterministically() {
    String first;
    try (ChangeCaptioner c = TinyModels.captioner(3)) {
      first = c.describe(TestImages.before(), TestImages.after());
    }
    try (ChangeCaptioner c = TinyModels.captioner(3)) {
      assertThat(c.describe(TestImages.before(), TestImages.after())).isEqualTo(first);
    }
  }
}
