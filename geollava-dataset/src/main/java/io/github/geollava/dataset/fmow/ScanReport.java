package io.github.geollava.dataset.fmow;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan found: counts, and the skipped entries with their reasons. At most
 * {@link FmowScanner.Builder#maxListedSkips(int)} skipped entries are listed so that a badly broken
 * archive cannot exhaust memory; the counts are always exact.
 *
 * @param root the scanned root folder
 * @param splits the split folders scanned, in order
 * @param categories category folders visited
 * @param locations location folders visited
 * @param metadataFiles {@code _rgb.json} files examined
 * @param images usable images delivered to the consumer
 * @param ignoredMsrgb {@code _msrgb} files ignored (multispectral siblings)
 * @param skipped number of skipped entries
 * @param skippedByReason skipped entries counted per reason (every reason present, zeros included)
 * @param skippedEntries the first skipped entries, in scan order
 */
public record ScanReport(
    String root,
    List<String> splits,
    long categories,
    long locations,
    long metadataFiles,
    long images,
    long ignoredMsrgb,
    long skipped,
    Map<SkipReason, Long> skippedByReason,
    List<SkippedEntry> skippedEntries) {

  /** Copies the collections. */
  public ScanReport {
    splits = List.copyOf(splits);
    Map<SkipReason, Long> counts = new EnumMap<>(SkipReason.class);
    for (SkipReason r : SkipReason.values()) {
      counts.put(r, skippedByReason.getOrDefault(r, 0L));
    }
    skippedByReason = java.util.Collections.unmodifiableMap(counts);
    skippedEntries = List.copyOf(skippedEntries);
  }

  /**
   * Whether more entries were skipped than are listed.
   *
   * @return true when {@link #skippedEntries()} is a prefix of all skips
   */
  public boolean skippedListTruncated() {
    return skippedEntries.size() < skipped;
  }
}
