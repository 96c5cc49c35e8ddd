package io.github.geollava.core.config;

import java.util.Arrays;

/** Validation helpers for config records: every message names the field and the value found. */
final class Checks {

  private Checks() {}

  /** {@code vision_feature_layer} must index one of the tower's hidden states (embeddings + layers). */
  static void visionFeatureLayer(int visionFeatureLayer, ClipVisionConfig vision) {
    int states = vision.numHiddenLayers() + 1;
    if (visionFeatureLayer >= states || visionFeatureLayer < -states) {
      throw new IllegalArgumentException("vision_feature_layer must index one of the " + states
          + " vision hidden states (-" + states + ".." + (states - 1) + "), got " + visionFeatureLayer);
    }
  }

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
