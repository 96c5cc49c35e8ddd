package io.github.geollava.dataset.llava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlavaConversationTest {

  @Test
  void mapsToTheLlavaJsonShapeExactly() throws Exception {
    LlavaConversation c = LlavaConversation.withPrompt("a_1-a_2", "a_1-a_2.mp4", "Describe.", "Built.");
    assertThat(new ObjectMapper().writeValueAsString(c)).isEqualTo(
        "{\"id\":\"a_1-a_2\",\"video\":\"a_1-a_2.mp4\",\"conversations\":["
            + "{\"from\":\"human\",\"value\":\"<video>\\nDescribe.\"},"
            + "{\"from\":\"gpt\",\"value\":\"Built.\"}]}");
    assertThat(new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(c),
        LlavaConversation.class)).isEqualTo(c);
    assertThat(c.prompt()).isEqualTo("Describe.");
    assertThat(c.caption()).isEqualTo("Built.");
  }

  @Test
  void factoryPicksTheSeededTemplate() {
    LlavaConversation c = LlavaConversation.of("x_1-x_2", "x_1-x_2.mp4", "cap", 11);
    assertThat(c.prompt()).isEqualTo(PromptTemplates.pick(11, "x_1-x_2"));
    assertThat(PromptTemplates.ALL).contains(c.prompt());
    assertThat(c.conversations().get(0).value()).startsWith("<video>\n");
  }

  @Test
  void validationNamesTheRecord() {
    assertThatThrownBy(() -> new LlavaConversation(" ", "v.mp4", List.of()))
        .hasMessage("id: missing or blank");
    assertThatThrownBy(() -> new LlavaConversation("r7", null, List.of()))
        .hasMessage("video: missing or blank in record 'r7'");
    assertThatThrownBy(() -> new LlavaConversation("r7", "v.mp4", List.of()))
        .hasMessage("conversations: missing or empty in record 'r7'");
    assertThatThrownBy(() -> new LlavaConversation.Turn("assistant", "x"))
        .hasMessage("from: expected human, gpt or system, found 'assistant'");
    assertThatThrownBy(() -> LlavaConversation.withPrompt("r8", "v.mp4", "p", null))
        .hasMessage("caption: missing for record 'r8'");
  }
}
