package io.github.geollava.examples.demo;

import java.util.Locale;

/** Human-readable numbers shared by {@link DemoTable} and {@link ReportWriter}; "-" stands for "none". */
final class Units {

  /** Shown for a missing metric, the base's zero trainable parameters or zero training time. */
  static final String NONE = "-";

  private Units() {}

  /** A parameter count: {@code 512}, {@code 98.3 k}, {@code 1.23 M}, {@code 6.74 B}; 0 gives "-". */
  static String count(long n) {
    if (n <= 0) {
      return NONE;
    }
    if (n < 1_000) {
      return Long.toString(n);
    }
    String[] units = {" k", " M", " B"};
    double v = n / 1e3;
    int u = 0;
    // Promote after rounding so 999,960 prints as 1.00 M, not "1000 k".
    while (u < units.length - 1 && Math.round(v) >= 1000) {
      v /= 1e3;
      u++;
    }
    return threeDigits(v) + units[u];
  }

  /** A parameter count with its share of the total, e.g. {@code 98.3 k (6.4%)}. */
  static String countWithShare(long n, long total) {
    String c = count(n);
    if (n <= 0 || total <= 0) {
      return c;
    }
    double pct = 100.0 * n / total;
    return c + " (" + String.format(Locale.ROOT, pct < 10 ? "%.1f%%" : "%.0f%%", pct) + ")";
  }

  /** A byte size in binary units: {@code 512 B}, {@code 4.1 KiB}, {@code 4.1 MiB}; 0 gives "-". */
  static String bytes(long b) {
    if (b <= 0) {
      return NONE;
    }
    if (b < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = b / 1024.0;
    int u = 0;
    // Compare after rounding so 1023.96 KiB prints as 1.0 MiB, not "1024.0 KiB".
    while (u < units.length - 1 && Math.round(v * 10) >= 1024 * 10) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** Training seconds with one decimal; 0 (the base) gives "-". */
  static String seconds(double s) {
    return !(s > 0) ? NONE : String.format(Locale.ROOT, "%.1f", s);
  }

  /** A metric with three decimals; NaN (missing) gives "-". */
  static String metric(double v) {
    return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Three significant digits for values in [1, 1000): 1.23, 12.3, 123. */
  private static String threeDigits(double v) {
    // Round first so 999.96 k does not print as "1000 k" with the wrong precision.
    if (Math.round(v * 100) < 1000) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (Math.round(v * 10) < 1000) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
