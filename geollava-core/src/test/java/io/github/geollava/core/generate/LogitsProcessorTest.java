package io.github.geollava.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogitsProcessorTest {

  private static final float NEG_INF = Float.NEGATIVE_INFINITY;

  @Test
  void repetitionPenaltyDividesPositiveAndMultipliesNegativeOnceperId() {
    float[] logits = {2f, -2f, 1f, 4f};
    // id 0 twice: penalised once, as HF's gather/scatter does.
    LogitsProcessor.repetitionPenalty(2f).process(new long[] {0, 1, 0}, 3, logits);
    assertThat(logits).containsExactly(1f, -4f, 1f, 4f);
  }

  @Test
  void minNewTokensMasksEosUntilEnoughNewTokens() {
    LogitsProcessor p = LogitsProcessor.minNewTokens(2, List.of(2L));
    float[] early = {1f, 1f, 1f};
    p.process(new long[] {5, 5, 7}, 2, early); // one new token so far
    assertThat(early).containsExactly(1f, 1f, NEG_INF);
    float[] late = {1f, 1f, 1f};
    p.process(new long[] {5, 5, 7, 8}, 2, late); // two new tokens
    assertThat(late).containsExactly(1f, 1f, 1f);
  }

  @Test
  void temperatureDivides() {
    float[] logits = {2f, -4f};
    LogitsProcessor.temperature(2f).process(new long[0], 0, logits);
    assertThat(logits).containsExactly(1f, -2f);
  }

  @Test
  void topKKeepsTiesWithTheKth() {
    float[] logits = {1f, 3f, 3f, 2f};
    LogitsProcessor.topK(2).process(new long[0], 0, logits);
    assertThat(logits).containsExactly(NEG_INF, 3f, 3f, NEG_INF);
    float[] three = {1f, 3f, 3f, 2f};
    LogitsProcessor.topK(3).process(new long[0], 0, three);
    assertThat(three).containsExactly(NEG_INF, 3f, 3f, 2f);
  }

  @Test
  void topPRemovesTheLeastLikelyTailAndKeepsTheTop() {
    float[] logits = {
      (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.15), (float) Math.log(0.05)
    };
    // ascending cumulative: 0.05, 0.20, 0.50, 1.0; 1 - 0.75 = 0.25 removes the first two
    LogitsProcessor.topP(0.75f).process(new long[0], 0, logits);
    assertThat(logits[0]).isFinite();
    assertThat(logits[1]).isFinite();
    assertThat(logits[2]).isEqualTo(NEG_INF);
    assertThat(logits[3]).isEqualTo(NEG_INF);
    float[] peaked = {10f, 0f};
    LogitsProcessor.topP(0.01f).process(new long[0], 0, peaked);
    assertThat(peaked).containsExactly(10f, NEG_INF);
  }

  @Test
  void andThenRunsInOrderAndNeutralSettingsAreIdentity() {
    assertThat(LogitsProcessor.topK(0)).isSameAs(LogitsProcessor.IDENTITY);
    assertThat(LogitsProcessor.topP(1f)).isSameAs(LogitsProcessor.IDENTITY);
    assertThat(LogitsProcessor.temperature(1f)).isSameAs(LogitsProcessor.IDENTITY);
    assertThat(LogitsProcessor.repetitionPenalty(1f)).isSameAs(LogitsProcessor.IDENTITY);
    float[] logits = {4f, 2f};
    LogitsProcessor.temperature(2f)
        .andThen(LogitsProcessor.repetitionPenalty(2f))
        .process(new long[] {0}, 1, logits);
    assertThat(logits).containsExactly(1f, 1f);
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> LogitsProcessor.topP(0f)).hasMessageContaining("topP");
    assertThatThrownBy(() -> LogitsProcessor.topK(-1)).hasMessageContaining("topK");
    assertThatThrownBy(() -> LogitsProcessor.temperature(0f)).hasMessageContaining("temperature");
    assertThatThrownBy(() -> LogitsProcessor.repetitionPenalty(-1f))
        .hasMessageContaining("repetitionPenalty");
  }
}
