package io.github.geollava.dataset.fmow;

/** Why {@link FmowScanner} skipped an entry. */
public enum SkipReason {
  /** The metadata file is not valid JSON or not a JSON object. */
  INVALID_JSON,
  /** The metadata has no {@code timestamp}. */
  MISSING_TIMESTAMP,
  /** The {@code timestamp} is not ISO-8601. */
  INVALID_TIMESTAMP,
  /** Another field has the wrong shape (e.g. {@code img_width} is text). */
  INVALID_FIELD,
  /** The {@code .jpg} next to the metadata file does not exist. */
  MISSING_IMAGE,
  /** A file or folder could not be read (permissions, I/O error). */
  UNREADABLE
}
