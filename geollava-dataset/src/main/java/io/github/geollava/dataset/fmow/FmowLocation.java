package io.github.geollava.dataset.fmow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * All usable images of one fMoW location (one {@code <category>_<loc>} folder of one split), in scan
 * order (file name order; {@code <n>} is not temporal order, so sort by time where it matters).
 *
 * @param split the split folder
 * @param category the category folder
 * @param locationId the location folder
 * @param images the usable images, never null
 */
public record FmowLocation(String split, String category, String locationId, List<FmowImage> images) {

  /** Copies the image list and checks the identity fields. */
  public FmowLocation {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(locationId, "locationId");
    images = List.copyOf(images);
  }

  /**
   * Groups images by (split, category, location), sorted by those keys; images keep their relative
   * order within a location.
   *
   * @param images any images
   * @return the locations, in a deterministic order
   */
  public static List<FmowLocation> group(Collection<FmowImage> images) {
    Map<List<String>, List<FmowImage>> byKey = new TreeMap<>(KEY_ORDER);
    for (FmowImage img : images) {
      byKey
          .computeIfAbsent(List.of(img.split(), img.category(), img.locationId()), k -> new ArrayList<>())
          .add(img);
    }
    List<FmowLocation> out = new ArrayList<>(byKey.size());
    byKey.forEach((k, v) -> out.add(new FmowLocation(k.get(0), k.get(1), k.get(2), v)));
    return out;
  }

  private static final Comparator<List<String>> KEY_ORDER =
      Comparator.<List<String>, String>comparing(k -> k.get(0))
          .thenComparing(k -> k.get(1))
          .thenComparing(k -> k.get(2));
}
