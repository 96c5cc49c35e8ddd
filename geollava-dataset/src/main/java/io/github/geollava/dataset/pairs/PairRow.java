package io.github.geollava.dataset.pairs;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.geollava.dataset.fmow.FmowTimestamps;
import java.util.Objects;

/**
 * One row of the authors' pairs sheet, as plain text: what {@link PairsSheet} writes and reads back.
 * JSON keys are the CSV column names.
 *
 * @param category the category folder
 * @param locationId the location folder ({@code location_id})
 * @param image1 the earlier image's file name, e.g. {@code airport_hangar_23_6_rgb.jpg}
 * @param timestamp1 its capture time, ISO-8601 UTC
 * @param imagePath1 its path ({@code image_path1}), as the scan saw it
 * @param image2 the later image's file name
 * @param timestamp2 its capture time
 * @param imagePath2 its path ({@code image_path2})
 */
@JsonPropertyOrder({
  "category", "location_id", "image1", "timestamp1", "image_path1", "image2", "timestamp2",
  "image_path2"
})
public record PairRow(
    @JsonProperty("category") String category,
    @JsonProperty("location_id") String locationId,
    @JsonProperty("image1") String image1,
    @JsonProperty("timestamp1") String timestamp1,
    @JsonProperty("image_path1") String imagePath1,
    @JsonProperty("image2") String image2,
    @JsonProperty("timestamp2") String timestamp2,
    @JsonProperty("image_path2") String imagePath2) {

  /** Checks that no column is missing. */
  public PairRow {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(locationId, "location_id");
    Objects.requireNonNull(image1, "image1");
    Objects.requireNonNull(timestamp1, "timestamp1");
    Objects.requireNonNull(imagePath1, "image_path1");
    Objects.requireNonNull(image2, "image2");
    Objects.requireNonNull(timestamp2, "timestamp2");
    Objects.requireNonNull(imagePath2, "image_path2");
  }

  /**
   * The row of a pair.
   *
   * @param p the pair
   * @return its row
   */
  public static PairRow of(TemporalPair p) {
    return new PairRow(
        p.category(),
        p.locationId(),
        p.first().fileName(),
        FmowTimestamps.format(p.first().timestamp()),
        p.first().imagePath().toString(),
        p.second().fileName(),
        FmowTimestamps.format(p.second().timestamp()),
        p.second().imagePath().toString());
  }

  /**
   * The pair id: both file names without extension and {@code _rgb}, joined by {@code -}.
   *
   * @return e.g. {@code airport_hangar_23_6-airport_hangar_23_2}
   */
  public String id() {
    return stem(image1) + "-" + stem(image2);
  }

  /**
   * The video name: {@link #id()} + {@code .mp4}.
   *
   * @return e.g. {@code airport_hangar_23_6-airport_hangar_23_2.mp4}
   */
  public String videoName() {
    return id() + ".mp4";
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    return base.endsWith("_rgb") ? base.substring(0, base.length() - 4) : base;
  }
}
