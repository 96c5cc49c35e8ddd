package io.github.geollava.dataset.synth;

import java.util.Locale;

/** Small text helpers for captions: quantities, places, capitalisation, word counts. */
final class Phrases {
  private Phrases() {}

  /** A number phrase that stays true whatever the exact count within its band. */
  static String quantity(int n, SplitMix rng) {
    return switch (n) {
      case 0 -> "no";
      case 1 -> rng.chance(0.5) ? "one" : "a single";
      case 2 -> "two";
      case 3 -> "three";
      case 4, 5, 6 -> rng.chance(0.5) ? "several" : "a handful of";
      default -> n < 12 ? (rng.chance(0.5) ? "many" : "numerous")
          : (rng.chance(0.5) ? "more than a dozen" : "dozens of");
    };
  }

  /** "a" or "an" plus the noun phrase. */
  static String article(String phrase) {
    char c = Character.toLowerCase(phrase.charAt(0));
    return ("aeio".indexOf(c) >= 0 ? "an " : "a ") + phrase;
  }

  static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The compass region of a point in scene units (image up is north). */
  static String region(double x, double y) {
    String ns = y < 0.38 ? "north" : (y > 0.62 ? "south" : "");
    String ew = x < 0.38 ? "west" : (x > 0.62 ? "east" : "");
    if (ns.isEmpty() && ew.isEmpty()) {
      return "central";
    }
    return ns + ew + "ern";
  }

  /** A location phrase for a region, e.g. " in the northern part of the scene". */
  static String where(double x, double y, SplitMix rng) {
    String r = region(x, y);
    if (r.equals("central")) {
      return rng.chance(0.5) ? " near the center of the scene" : " in the central area";
    }
    return switch (rng.nextInt(3)) {
      case 0 -> " in the " + r + " part of the scene";
      case 1 -> " in the " + r + " area";
      default -> " toward the " + r.substring(0, r.length() - 3) + " side";
    };
  }

  static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
