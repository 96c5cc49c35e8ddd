package io.github.geollava.dataset.annotate;

import java.util.List;

/**
 * What a {@link BatchAnnotator} run did.
 *
 * @param tasks distinct tasks given
 * @param alreadyDone tasks skipped because the checkpoint already had them (nothing paid)
 * @param completed tasks captioned and checkpointed in this run
 * @param failures tasks that failed in this run (not checkpointed: the next run retries them)
 */
public record BatchResult(int tasks, int alreadyDone, int completed, List<Failure> failures) {

  /** Copies the failure list. */
  public BatchResult {
    failures = List.copyOf(failures);
  }

  /**
   * One failed task.
   *
   * @param id the task id
   * @param message why it failed
   */
  public record Failure(String id, String message) {}
}
