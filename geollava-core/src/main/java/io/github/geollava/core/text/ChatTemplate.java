package io.github.geollava.core.text;

import java.util.Objects;

/**
 * The single-turn chat template of a checkpoint family: where the user's prompt and the media
 * placeholder go.
 *
 * <p>Both LLaVA-NeXT-Video and Video-LLaVA (Vicuna-based) use {@code "USER: <video>\n{prompt} ASSISTANT:"}
 * for one video and one question. The model's answer follows {@code ASSISTANT:}.
 *
 * @param template the template text, with exactly one {@code {prompt}} slot
 * @param videoToken the placeholder that the processor expands to one token per video feature
 */
public record ChatTemplate(String template, String videoToken) {

  /** The prompt slot in {@link #template()}. */
  public static final String PROMPT_SLOT = "{prompt}";

  /** LLaVA-NeXT-Video ({@code llava-hf/LLaVA-NeXT-Video-7B-hf}): {@code USER: <video>\n{prompt} ASSISTANT:}. */
  public static final ChatTemplate LLAVA_NEXT_VIDEO =
      new ChatTemplate("USER: <video>\n{prompt} ASSISTANT:", "<video>");

  /** Video-LLaVA ({@code LanguageBind/Video-LLaVA-7B-hf}): the same Vicuna-style turn. */
  public static final ChatTemplate VIDEO_LLAVA =
      new ChatTemplate("USER: <video>\n{prompt} ASSISTANT:", "<video>");

  /** Validates that the template has one prompt slot and one video placeholder. */
  public ChatTemplate {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(videoToken, "videoToken");
    if (count(template, PROMPT_SLOT) != 1) {
      throw new IllegalArgumentException(
          "template must contain exactly one " + PROMPT_SLOT + ", got: " + template);
    }
    if (videoToken.isEmpty() || count(template, videoToken) != 1) {
      throw new IllegalArgumentException(
          "template must contain the video token '" + videoToken + "' exactly once, got: " + template);
    }
  }

  /**
   * Puts the prompt into the template.
   *
   * @param prompt the user's question or instruction
   * @return the full prompt text, still with a single video placeholder
   */
  public String render(String prompt) {
    Objects.requireNonNull(prompt, "prompt");
    if (prompt.contains(videoToken)) {
      throw new IllegalArgumentException(
          "prompt must not contain the video token '" + videoToken + "': the template places it");
    }
    return template.replace(PROMPT_SLOT, prompt);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
