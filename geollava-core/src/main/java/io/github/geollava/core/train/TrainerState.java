package io.github.geollava.core.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Where a run stands, saved with every checkpoint as {@code trainer_state.json}.
 *
 * @param step optimizer steps done
 * @param epoch the epoch in progress (0-based)
 * @param stepInEpoch steps done in that epoch; the next micro-batch is {@code stepInEpoch x accumulation}
 * @param lastLoss the loss of the last step
 * @param run what identifies the run (config, data, trainable parameters); a resumed run must match it
 * @param library the library version that wrote it
 */
record TrainerState(
    @JsonProperty("step") long step,
    @JsonProperty("epoch") int epoch,
    @JsonProperty("step_in_epoch") long stepInEpoch,
    @JsonProperty("last_loss") double lastLoss,
    @JsonProperty("run") Map<String, String> run,
    @JsonProperty("library") String library) {}
