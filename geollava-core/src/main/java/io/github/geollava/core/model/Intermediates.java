package io.github.geollava.core.model;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named intermediate tensors of one forward pass, in the order they were computed, for parity tests
 * and debugging. Names: {@code vision_hidden_<i>} (N, P + 1, Cv), {@code vision_selected} (N, P, Cv),
 * {@code vision_pooled} (N, P', Cv), {@code video_features} (N x P', C), {@code inputs_embeds} (B, S, C),
 * {@code layer_<i>} (B, S, C) the output of decoder layer i, {@code last_hidden_state} (B, S, C) after
 * the final norm, {@code logits} (B, S, V). The arrays belong to the manager the caller passed to
 * {@code LlavaNextVideoModel.forwardWithIntermediates}.
 */
public final class Intermediates {

  private final Map<String, NDArray> values = new LinkedHashMap<>();

  /** Creates an empty record. */
  public Intermediates() {}

  /**
   * Records a tensor (the caller keeps ownership).
   *
   * @param name its name
   * @param value the tensor
   */
  public void put(String name, NDArray value) {
    values.put(name, value);
  }

  /**
   * A recorded tensor.
   *
   * @param name its name
   * @return the tensor
   * @throws IllegalArgumentException listing the recorded names if absent
   */
  public NDArray get(String name) {
    NDArray v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no intermediate '" + name + "'; recorded: " + values.keySet());
    }
    return v;
  }

  /** Every recorded tensor by name, in computation order. */
  public Map<String, NDArray> asMap() {
    return Collections.unmodifiableMap(values);
  }
}
