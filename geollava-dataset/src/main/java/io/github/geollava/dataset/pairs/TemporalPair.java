package io.github.geollava.dataset.pairs;

import io.github.geollava.dataset.fmow.FmowImage;
import java.util.Comparator;
import java.util.Objects;

/**
 * Two images of the same fMoW location, {@code first} never later than {@code second}.
 *
 * @param category the category folder
 * @param locationId the location folder
 * @param first the earlier image
 * @param second the later image
 */
public record TemporalPair(String category, String locationId, FmowImage first, FmowImage second) {

  /** Canonical output order: split, category, location, then the first image's time and name. */
  public static final Comparator<TemporalPair> ORDER =
      Comparator.comparing((TemporalPair p) -> p.first().split())
          .thenComparing(TemporalPair::category)
          .thenComparing(TemporalPair::locationId)
          .thenComparing(p -> p.first().timestamp())
          .thenComparing(p -> p.first().fileName())
          .thenComparing(p -> p.second().timestamp())
          .thenComparing(p -> p.second().fileName());

  /** Checks that both images belong to the location and are in time order. */
  public TemporalPair {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(locationId, "locationId");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (second.timestamp().isBefore(first.timestamp())) {
      throw new IllegalArgumentException(
          "second: " + second.fileName() + " (" + second.timestamp() + ") is earlier than first "
              + first.fileName() + " (" + first.timestamp() + ")");
    }
    if (!first.locationId().equals(locationId) || !second.locationId().equals(locationId)) {
      throw new IllegalArgumentException(
          "locationId: both images must be of " + locationId + ", found " + first.locationId()
              + " and " + second.locationId());
    }
  }

  /**
   * A pair of two images of one location; category and location come from the images.
   *
   * @param first the earlier image
   * @param second the later image
   * @return the pair
   */
  public static TemporalPair of(FmowImage first, FmowImage second) {
    return new TemporalPair(first.category(), first.locationId(), first, second);
  }

  /**
   * The pair's id: {@code {image1 stem}-{image2 stem}} without {@code _rgb}, e.g.
   * {@code airport_hangar_23_6-airport_hangar_23_2}.
   *
   * @return the id
   */
  public String id() {
    return first.stem() + "-" + second.stem();
  }

  /**
   * The video name the authors use: {@link #id()} + {@code .mp4}.
   *
   * @return e.g. {@code airport_hangar_23_6-airport_hangar_23_2.mp4}
   */
  public String videoName() {
    return id() + ".mp4";
  }
}
