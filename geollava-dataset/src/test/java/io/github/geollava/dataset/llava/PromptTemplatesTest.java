package io.github.geollava.dataset.llava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {

  @Test
  void holdsThePaperTemplatesVerbatim() {
    assertThat(PromptTemplates.ALL).hasSize(6);
    assertThat(PromptTemplates.ALL.get(0)).isEqualTo("Provide a detailed description of the satellite"
        + " video, where each frame corresponds to a different time but the same location.");
    assertThat(PromptTemplates.ALL.get(4)).isEqualTo("Elaborate on the changes in the location as"
        + " seen in the satellite video, where each frame is a snapshot of the same place at"
        + " different times.");
    assertThat(PromptTemplates.ALL.get(5)).isEqualTo("Provide a report describing the satellite"
        + " video, where each frame shows the same location at different time points.");
    assertThat(PromptTemplates.ALL).allSatisfy(t -> assertThat(t).endsWith(".").doesNotContain("  "));
    assertThatThrownBy(() -> PromptTemplates.ALL.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void pickIsSeededPerRecordAndUsesEveryTemplate() {
    assertThat(PromptTemplates.pick(3, "a-b")).isEqualTo(PromptTemplates.pick(3, "a-b"));
    Set<String> used = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      used.add(PromptTemplates.pick(3, "rec" + i));
    }
    assertThat(used).containsExactlyInAnyOrderElementsOf(PromptTemplates.ALL);
    assertThat(PromptTemplates.humanTurn("Q?")).isEqualTo("<video>\nQ?");
  }
}
