package io.github.geollava.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantResultTest {

  @Test
  void roundTripsThroughJson() throws Exception {
    // The demo pipeline caches each row as result.json; a resumed run reads it back.
    ObjectMapper json = new ObjectMapper();
    VariantResult r = Fixtures.rows().get(1);
    String text = json.writeValueAsString(r);

    assertThat(json.readValue(text, VariantResult.class)).isEqualTo(r);
    assertThat(json.readTree(text).fieldNames()).toIterable().containsExactly("name", "method",
        "trainableParameters", "totalParameters", "baseWeightBytes", "trainSeconds", "metrics", "captions");
  }

  @Test
  void nullCollectionsBecomeEmptyAndMissingMetricsAreNaN() {
    VariantResult r = new VariantResult("base", null, 0, 10, 40, 0, null, null);
    assertThat(r.metrics()).isEmpty();
    assertThat(r.captions()).isEmpty();
    assertThat(r.method()).isEmpty();
    assertThat(r.metric("rouge1")).isNaN();
    assertThat(r.caption(0)).isNull();
  }

  @Test
  void keepsMetricOrderAndIsReadOnly() {
    VariantResult r = Fixtures.rows().get(0);
    assertThat(r.metrics().keySet()).containsExactlyElementsOf(VariantResult.METRIC_KEYS);
    assertThatThrownBy(() -> r.captions().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatThrownBy(() -> new VariantResult("LoRA", "", -1, 10, 40, 0, Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LoRA").hasMessageContaining("-1");
    assertThatThrownBy(() -> new VariantResult("LoRA", "", 1, 10, 40, Double.NaN, Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainSeconds");
  }
}
