package io.github.geollava.examples.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One captioned test pair, as a line of {@code predictions.jsonl} and an input of
 * {@code geollava score}.
 *
 * @param id the conversation id, e.g. {@code airport_0_0-airport_0_2}
 * @param reference the conversation's caption (the gpt turn)
 * @param candidate the model's answer
 */
@JsonPropertyOrder({"id", "reference", "candidate"})
public record Prediction(
    @JsonProperty("id") String id,
    @JsonProperty("reference") String reference,
    @JsonProperty("candidate") String candidate) {

  /** Checks that all three are present. */
  public Prediction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(candidate, "candidate");
  }
}
