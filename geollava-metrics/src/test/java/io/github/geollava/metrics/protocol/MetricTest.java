package io.github.geollava.metrics.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricTest {

  @Test
  void parsesCommaSeparatedNames() {
    assertThat(Metric.parseList("rouge, BLEU,cider"))
        .containsExactly(Metric.ROUGE, Metric.BLEU, Metric.CIDER);
    assertThatThrownBy(() -> Metric.parseList("rouge,meteor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meteor");
  }
}
