package io.github.geollava.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatTemplateTest {

  @Test
  void rendersTheLlavaNextVideoTurn() {
    assertThat(ChatTemplate.LLAVA_NEXT_VIDEO.render("What changed?"))
        .isEqualTo("USER: <video>\nWhat changed? ASSISTANT:");
  }

  @Test
  void validatesTemplateAndPrompt() {
    assertThatThrownBy(() -> new ChatTemplate("USER: <video>", "<video>"))
        .hasMessageContaining("{prompt}");
    assertThatThrownBy(() -> new ChatTemplate("USER: {prompt}", "<video>"))
        .hasMessageContaining("<video>");
    assertThatThrownBy(() -> ChatTemplate.LLAVA_NEXT_VIDEO.render("a <video> b"))
        .hasMessageContaining("must not contain");
  }
}
