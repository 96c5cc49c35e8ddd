package io.github.geollava.core.config;

import java.util.Arrays;

/** Validation helpers for config records: every message names the field and the value found. */
final class Checks {

  private Checks() {}

  static void positive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + value);
    }
  }

  static void positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
    }
  }

  static void range(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  static void oneOf(String field, String value, String... allowed) {
    if (value == null || !Arrays.asList(allowed).contains(value)) {
      throw new IllegalArgumentException(
          field + " must be one of " + Arrays.toString(allowed) + ", got " + quote(value));
    }
  }

  static void nonNegative(String field, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }
  }

  static String quote(Object value) {
    return value == null ? "null" : value instanceof String ? "'" + value + "'" : value.toString();
  }
}
