package io.github.geollava.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptBatchTest {

  @Test
  void leftPadsToTheLongestPrompt() {
    PromptBatch b = PromptBatch.leftPad(List.of(new long[] {5, 6, 7}, new long[] {8}), 0);
    assertThat(b.batchSize()).isEqualTo(2);
    assertThat(b.length()).isEqualTo(3);
    assertThat(b.inputIds()[1]).containsExactly(0, 0, 8);
    assertThat(b.attentionMask()[1]).containsExactly(0, 0, 1);
    assertThat(b.attentionMask()[0]).containsExactly(1, 1, 1);
  }

  @Test
  void rejectsRaggedOrInvalidMasks() {
    assertThatThrownBy(() -> new PromptBatch(new long[][] {{1, 2}}, new long[][] {{1}}))
        .hasMessageContaining("row 0");
    assertThatThrownBy(() -> new PromptBatch(new long[][] {{1, 2}}, new long[][] {{1, 2}}))
        .hasMessageContaining("attentionMask[0][1]");
    assertThatThrownBy(() -> new PromptBatch(new long[][] {{1}}, new long[][] {{0}}))
        .hasMessageContaining("all zeros");
  }
}
