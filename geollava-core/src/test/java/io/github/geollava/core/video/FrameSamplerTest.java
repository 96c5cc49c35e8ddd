package io.github.geollava.core.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSamplerTest {

  @Test
  void linspaceMatchesNumpy() throws Exception {
    int checked = 0;
    for (JsonNode c : PilReference.manifest().get("linspace")) {
      int[] want = new int[c.get("values").size()];
      for (int i = 0; i < want.length; i++) {
        want[i] = c.get("values").get(i).asInt();
      }
      assertThat(FrameSampler.linspace(c.get("start").asDouble(), c.get("end").asDouble(),
          c.get("n").asInt())).as(c.toString()).containsExactly(want);
      checked++;
    }
    assertThat(checked).isEqualTo(11);
  }

  @Test
  void twoFramesAreTheFirstAndTheLast() {
    assertThat(FrameSampler.indices(30, 2)).containsExactly(0, 29);
    assertThat(FrameSampler.sample(List.of("a", "b", "c", "d"), 2)).containsExactly("a", "d");
    assertThat(FrameSampler.sample(List.of("only"), 3)).containsExactly("only", "only", "only");
  }

  @Test
  void invalidCountsAreNamed() {
    assertThatThrownBy(() -> FrameSampler.indices(0, 2)).hasMessageContaining("at least 1 frame");
    assertThatThrownBy(() -> FrameSampler.indices(5, 0)).hasMessageContaining(">= 1");
    assertThat(FrameSampler.linspace(0, 5, 0)).isEmpty();
  }
}
