package io.github.geollava.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from Linux {@code /proc/self/status}, for benchmark printouts. */
final class Rss {

  private Rss() {}

  /** The current resident set ({@code VmRSS}), e.g. {@code "412 MiB"}, or "n/a". */
  static String current() {
    return field("VmRSS:");
  }

  /** The peak resident set ({@code VmHWM}), or "n/a". */
  static String peak() {
    return field("VmHWM:");
  }

  /** The current resident set in MiB, or -1. */
  static long currentMiB() {
    String v = field("VmRSS:");
    return v.endsWith(" MiB") ? Long.parseLong(v.substring(0, v.length() - 4)) : -1;
  }

  private static String field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 + " MiB";
        }
      }
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
    return "n/a";
  }
}
