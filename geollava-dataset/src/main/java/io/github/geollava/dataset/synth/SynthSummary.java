package io.github.geollava.dataset.synth;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link SyntheticFmow#generate()} wrote.
 *
 * @param root the output folder
 * @param locations number of locations
 * @param trainLocations locations in the train split (fMoW folder {@code train})
 * @param testLocations locations in the test split (fMoW folder {@code val})
 * @param images images written (one JPEG and one {@code _rgb.json} each)
 * @param trainPairs temporal pairs in {@code annotations/train.json}
 * @param testPairs temporal pairs in {@code annotations/test.json}
 * @param scenes single-image records in {@code annotations/scenes.json} (train locations only)
 * @param skipped entries the fMoW scanner skipped when reading the tree back (0 when healthy)
 * @param eventCounts how many pairs show each change event, over both splits
 * @param trainAnnotations {@code annotations/train.json}
 * @param testAnnotations {@code annotations/test.json}
 * @param scenesAnnotations {@code annotations/scenes.json}
 * @param pairEvents {@code annotations/pairs_events.jsonl}: per pair, the true events and paths
 * @param contactSheet {@code contact_sheet.png}
 * @param millis wall time of the generation
 */
public record SynthSummary(
    Path root,
    int locations,
    int trainLocations,
    int testLocations,
    int images,
    int trainPairs,
    int testPairs,
    int scenes,
    long skipped,
    Map<ChangeEvent, Integer> eventCounts,
    Path trainAnnotations,
    Path testAnnotations,
    Path scenesAnnotations,
    Path pairEvents,
    Path contactSheet,
    long millis) {

  /** Copies the event counts into an unmodifiable map in enum order. */
  public SynthSummary {
    java.util.EnumMap<ChangeEvent, Integer> copy = new java.util.EnumMap<>(ChangeEvent.class);
    copy.putAll(eventCounts);
    eventCounts = java.util.Collections.unmodifiableMap(copy);
  }
}
