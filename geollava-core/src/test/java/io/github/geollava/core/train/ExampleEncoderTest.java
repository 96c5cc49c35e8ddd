package io.github.geollava.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.core.text.ChatTemplate;
import io.github.geollava.core.text.TextTokenizer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExampleEncoderTest {

  static TextTokenizer tokenizer;
  static final CaptionExample EX =
      new CaptionExample("a", Path.of("v"), "describe the images", "the forest changed .");

  @BeforeAll
  static void setUp() {
    System.setProperty("ai.djl.offline", "true");
    tokenizer = TinyModels.tokenizer();
  }

  @AfterAll
  static void tearDown() {
    tokenizer.close();
  }

  private static ExampleEncoder encoder(TrainingConfig c) {
    return new ExampleEncoder(tokenizer, ChatTemplate.LLAVA_NEXT_VIDEO, TinyModels.videoTokenId(), 2, 16, c);
  }

  @Test
  void answerOnlyLabelsTheAnswerAndEos() {
    EncodedExample e = encoder(TrainingConfig.builder().build()).encode(0, EX, 2);
    long[] answer = tokenizer.encode("the forest changed .", false);
    int n = e.ids().length;
    assertThat(e.ids()[n - 1]).isEqualTo(2);
    assertThat(Arrays.copyOfRange(e.ids(), n - 1 - answer.length, n - 1)).containsExactly(answer);
    long videos = Arrays.stream(e.ids()).filter(id -> id == TinyModels.videoTokenId()).count();
    assertThat(videos).isEqualTo(32);
    for (int i = 0; i < n; i++) {
      boolean answerPart = i >= n - 1 - answer.length;
      assertThat(e.labels()[i]).isEqualTo(answerPart ? e.ids()[i] : ExampleEncoder.IGNORE);
    }
    assertThat(e.labelled()).isEqualTo(answer.length + 1);
    assertThat(e.ids()[0]).isEqualTo(1); // BOS
  }

  @Test
  void wholeSequenceLabelsEveryTextToken() {
    EncodedExample e = encoder(TrainingConfig.builder().optLabels(LabelMode.WHOLE_SEQUENCE).build())
        .encode(0, EX, 1);
    for (int i = 0; i < e.ids().length; i++) {
      long expected = e.ids()[i] == TinyModels.videoTokenId() ? ExampleEncoder.IGNORE : e.ids()[i];
      assertThat(e.labels()[i]).isEqualTo(expected);
    }
    assertThat(e.labelled()).isEqualTo(e.ids().length - 1 - 16);
  }

  @Test
  void overflowIsCountedNeverSilent() {
    int full = encoder(TrainingConfig.builder().build()).encode(0, EX, 2).ids().length;
    ExampleEncoder t = encoder(TrainingConfig.builder().optMaxLength(full - 2).build());
    EncodedExample cut = t.encode(0, EX, 2);
    assertThat(cut.ids()).hasSize(full - 2);
    assertThat(t.truncated()).isEqualTo(1);
    assertThat(cut.labelled()).isEqualTo(full - 2 - (full - 1 - 4)); // answer of 4 + EOS, 2 cut

    ExampleEncoder d = encoder(TrainingConfig.builder().optMaxLength(full - 1)
        .optOverflow(OverflowPolicy.DROP).build());
    assertThat(d.encode(0, EX, 2)).isNull();
    assertThat(d.dropped()).isEqualTo(1);

    // a prompt that alone does not fit is dropped even under TRUNCATE
    ExampleEncoder p = encoder(TrainingConfig.builder().optMaxLength(20).build());
    assertThat(p.encode(0, EX, 2)).isNull();
    assertThat(p.dropped()).isEqualTo(1);

    assertThatThrownBy(() -> encoder(TrainingConfig.builder().optMaxLength(full - 1)
        .optOverflow(OverflowPolicy.FAIL).build()).encode(0, EX, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example a has " + full + " tokens");
  }
}
