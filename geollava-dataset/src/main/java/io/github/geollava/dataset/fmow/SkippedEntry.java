package io.github.geollava.dataset.fmow;

import java.util.Objects;

/**
 * One entry the scanner skipped, for the scan report.
 *
 * @param path the metadata file (or folder) that was skipped
 * @param reason why
 * @param detail a human-readable explanation naming the field or file
 */
public record SkippedEntry(String path, SkipReason reason, String detail) {

  /** Checks that every component is present. */
  public SkippedEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
