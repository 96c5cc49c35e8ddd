package io.github.geollava.dataset.pairs;

import io.github.geollava.dataset.fmow.FmowImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the images of one location become pairs. The input is already filtered and ordered by
 * (timestamp, file name); implementations only choose index pairs.
 */
@FunctionalInterface
public interface PairPolicy {

  /**
   * The paper's policy (its text and Figure 2): start at the earliest image, pair it with the first
   * later image at least the gap away, then continue from that second image.
   */
  PairPolicy CHAINED =
      named("chained", (images, gap) -> {
        List<TemporalPair> out = new ArrayList<>();
        int n = images.size();
        int i = 0;
        while (i < n - 1) {
          int j = i + 1;
          while (j < n && !gap.reached(images.get(i).timestamp(), images.get(j).timestamp())) {
            j++;
          }
          if (j == n) {
            break;
          }
          out.add(TemporalPair.of(images.get(i), images.get(j)));
          i = j;
        }
        return out;
      });

  /** Each consecutive pair in time order whose gap is at least the minimum. */
  PairPolicy ADJACENT =
      named("adjacent", (images, gap) -> {
        List<TemporalPair> out = new ArrayList<>();
        for (int i = 0; i + 1 < images.size(); i++) {
          if (gap.reached(images.get(i).timestamp(), images.get(i + 1).timestamp())) {
            out.add(TemporalPair.of(images.get(i), images.get(i + 1)));
          }
        }
        return out;
      });

  /**
   * Pairs the images of one location.
   *
   * @param ordered usable images of one location, ordered by (timestamp, file name)
   * @param gap the minimum gap rule
   * @return the pairs, earlier image first, in time order
   */
  List<TemporalPair> pair(List<FmowImage> ordered, MinGap gap);

  /**
   * The policy for a command-line name.
   *
   * @param name {@code chained} or {@code adjacent}, any case
   * @return the policy
   * @throws IllegalArgumentException naming the value when it is neither
   */
  static PairPolicy parse(String name) {
    switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
      case "chained":
        return CHAINED;
      case "adjacent":
        return ADJACENT;
      default:
        throw new IllegalArgumentException(
            "policy: expected chained or adjacent, found '" + name + "'");
    }
  }

  /**
   * Gives a policy a readable {@code toString()} (used in logs and reports).
   *
   * @param name the name
   * @param policy the policy
   * @return the same behaviour, named
   */
  static PairPolicy named(String name, PairPolicy policy) {
    return new PairPolicy() {
      @Override
      public List<TemporalPair> pair(List<FmowImage> ordered, MinGap gap) {
        return policy.pair(ordered, gap);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
