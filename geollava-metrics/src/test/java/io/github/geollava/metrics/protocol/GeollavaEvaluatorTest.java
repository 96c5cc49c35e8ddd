package io.github.geollava.metrics.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.geollava.metrics.Score;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeollavaEvaluatorTest {

  @Test
  void extractsTextAfterFirstAnswerMarker() {
    assertThat(GeollavaEvaluator.extractAnswer("USER: describe ASSISTANT: Answer:  a road Answer: x"))
        .isEqualTo("a road Answer: x");
    assertThat(GeollavaEvaluator.extractAnswer("no marker here")).isEqualTo("no marker here");
    assertThat(GeollavaEvaluator.extractAnswer("Answer:")).isEmpty();
  }

  @Test
  void scoresPerSampleAndMacroMeans() {
    GeollavaEvaluator ev =
        GeollavaEvaluator.builder()
            .optMetrics(EnumSet.of(Metric.ROUGE, Metric.BLEU, Metric.CIDER))
            .build();
    EvaluationReport r =
        ev.evaluate(
            List.of(
                new GeollavaEvaluator.Sample(
                    "1",
                    "The quick brown fox jumps over the lazy dog",
                    "prompt text Answer: The quick brown dog jumps on the log."),
                new GeollavaEvaluator.Sample("2", "a b c d", "a b c e"),
                new GeollavaEvaluator.Sample("3", "", "")));
    assertThat(r.samples()).hasSize(3);
    assertThat(r.samples().get(0).prf().get("rouge1").precision()).isEqualTo(0.75);
    assertThat(r.samples().get(1).scalars().get("bleu")).isCloseTo(Math.sqrt(0.5), within(1e-15));
    assertThat(r.samples().get(2).prf().values()).containsOnly(Score.ZERO);
    assertThat(r.samples().get(0).prf().keySet())
        .containsExactly("rouge1", "rouge2", "rougeL", "rougeLsum");
    assertThat(r.samples().get(0).scalars().keySet()).containsExactly("bleu", "cider");
    double meanBleu =
        (r.samples().get(0).scalars().get("bleu") + Math.sqrt(0.5) + 0) / 3;
    assertThat(r.means().get("bleu")).isCloseTo(meanBleu, within(1e-15));
    assertThat(r.meanScore("rouge1").precision()).isCloseTo((0.75 + 0.75 + 0) / 3, within(1e-15));
    assertThat(r.intervals()).containsKeys("bleu", "rouge1_fmeasure", "cider");
  }

  @Test
  void embeddingMetricsNeedAnEncoder() {
    assertThatThrownBy(
            () -> GeollavaEvaluator.builder().optMetrics(EnumSet.of(Metric.SIMILARITY)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("similarity");
  }
}
