package io.github.geollava.examples.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One held-out image pair shown in the report.
 *
 * @param id the pair's id, e.g. {@code airport_12_0_1}
 * @param firstImage the earlier image (may not exist; the report then shows a placeholder)
 * @param secondImage the later image (may not exist)
 * @param reference the ground-truth change caption
 * @param trueEvents the change events behind the ground truth, e.g. {@code new_buildings}
 */
public record DemoSample(String id, Path firstImage, Path secondImage, String reference, List<String> trueEvents) {

  /** Checks the id and takes a read-only copy of the events; null text becomes empty. */
  public DemoSample {
    Objects.requireNonNull(id, "id");
    reference = reference == null ? "" : reference;
    trueEvents = trueEvents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(trueEvents));
  }
}
