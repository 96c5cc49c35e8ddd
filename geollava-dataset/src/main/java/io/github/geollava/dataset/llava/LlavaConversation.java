package io.github.geollava.dataset.llava;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.geollava.dataset.pairs.PairRow;
import io.github.geollava.dataset.pairs.TemporalPair;
import java.util.List;
import java.util.Set;

/**
 * One LLaVA training record: {@code {"id", "video", "conversations": [{"from": "human", "value":
 * "<video>\n<prompt>"}, {"from": "gpt", "value": <caption>}]}}.
 *
 * @param id the record id (for pairs: {@code {stem1}-{stem2}})
 * @param video the video file name, e.g. {@code airport_hangar_23_6-airport_hangar_23_2.mp4}
 * @param conversations the turns, at least one
 */
@JsonPropertyOrder({"id", "video", "conversations"})
public record LlavaConversation(
    @JsonProperty("id") String id,
    @JsonProperty("video") String video,
    @JsonProperty("conversations") List<Turn> conversations) {

  /** The speaker names LLaVA training code accepts. */
  public static final Set<String> SPEAKERS = Set.of("human", "gpt", "system");

  /**
   * One turn of a conversation.
   *
   * @param from {@code human}, {@code gpt} or {@code system}
   * @param value the text
   */
  @JsonPropertyOrder({"from", "value"})
  public record Turn(@JsonProperty("from") String from, @JsonProperty("value") String value) {

    /** Checks the speaker and that the text is present. */
    public Turn {
      if (from == null || !SPEAKERS.contains(from)) {
        throw new IllegalArgumentException(
            "from: expected human, gpt or system, found " + (from == null ? "nothing" : "'" + from + "'"));
      }
      if (value == null) {
        throw new IllegalArgumentException("value: missing in a '" + from + "' turn");
      }
    }
  }

  /** Validates the record; messages name the id. */
  public LlavaConversation {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id: missing or blank");
    }
    if (video == null || video.isBlank()) {
      throw new IllegalArgumentException("video: missing or blank in record '" + id + "'");
    }
    if (conversations == null || conversations.isEmpty()) {
      throw new IllegalArgumentException("conversations: missing or empty in record '" + id + "'");
    }
    for (Turn t : conversations) {
      if (t == null) {
        throw new IllegalArgumentException("conversations: null turn in record '" + id + "'");
      }
    }
    conversations = List.copyOf(conversations);
  }

  /**
   * A two-turn record whose prompt is chosen by {@link PromptTemplates#pick(long, String)}.
   *
   * @param id the record id
   * @param video the video file name
   * @param caption the answer (the change caption)
   * @param seed the template seed
   * @return the record
   */
  public static LlavaConversation of(String id, String video, String caption, long seed) {
    return withPrompt(id, video, PromptTemplates.pick(seed, id), caption);
  }

  /**
   * A two-turn record with an explicit prompt.
   *
   * @param id the record id
   * @param video the video file name
   * @param prompt the instruction (without the {@code <video>} token)
   * @param caption the answer
   * @return the record
   */
  public static LlavaConversation withPrompt(String id, String video, String prompt, String caption) {
    if (caption == null) {
      throw new IllegalArgumentException("caption: missing for record '" + id + "'");
    }
    return new LlavaConversation(
        id,
        video,
        List.of(new Turn("human", PromptTemplates.humanTurn(prompt)), new Turn("gpt", caption)));
  }

  /**
   * The record of a temporal pair.
   *
   * @param pair the pair
   * @param caption its caption
   * @param seed the template seed
   * @return the record, id {@link TemporalPair#id()}, video {@link TemporalPair#videoName()}
   */
  public static LlavaConversation of(TemporalPair pair, String caption, long seed) {
    return of(pair.id(), pair.videoName(), caption, seed);
  }

  /**
   * The record of a pairs-sheet row.
   *
   * @param row the row
   * @param caption its caption
   * @param seed the template seed
   * @return the record, id {@link PairRow#id()}, video {@link PairRow#videoName()}
   */
  public static LlavaConversation of(PairRow row, String caption, long seed) {
    return of(row.id(), row.videoName(), caption, seed);
  }

  /**
   * The first human turn's text without the {@code <video>} line.
   *
   * @return the prompt, or null when there is no human turn
   */
  public String prompt() {
    for (Turn t : conversations) {
      if (t.from().equals("human")) {
        String v = t.value();
        String prefix = PromptTemplates.VIDEO_TOKEN + "\n";
        return v.startsWith(prefix) ? v.substring(prefix.length()) : v;
      }
    }
    return null;
  }

  /**
   * The first gpt turn's text.
   *
   * @return the caption, or null when there is no gpt turn
   */
  public String caption() {
    for (Turn t : conversations) {
      if (t.from().equals("gpt")) {
        return t.value();
      }
    }
    return null;
  }
}
