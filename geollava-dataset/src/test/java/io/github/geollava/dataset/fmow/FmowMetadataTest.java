package io.github.geollava.dataset.fmow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmowMetadataTest {

  private static final String REAL =
      "{\"gsd\": 0.5592, \"img_width\": 2604, \"img_height\": 2582, \"cloud_cover\": 0,"
          + " \"img_filename\": \"airport_hangar_23_6_rgb.jpg\", \"country_code\": \"USA\","
          + " \"utm\": \"15R\", \"scan_direction\": \"Forward\", \"timestamp\": \"2015-06-16T10:48:37Z\","
          + " \"off_nadir_angle_dbl\": 21.6, \"pan_resolution_dbl\": 0.56,"
          + " \"bounding_boxes\": [{\"ID\": 6210, \"box\": [1019, 893, 607, 717],"
          + " \"category\": \"airport_hangar\", \"visible\": true}]}";

  @Test
  void readsAllFmowFieldsAndKeepsUnknownOnes() throws IOException {
    FmowMetadata m = FmowMetadata.parse(REAL.getBytes(StandardCharsets.UTF_8), "x.json");
    assertThat(m.imgFilename()).isEqualTo("airport_hangar_23_6_rgb.jpg");
    assertThat(m.imgWidth()).isEqualTo(2604);
    assertThat(m.imgHeight()).isEqualTo(2582);
    assertThat(m.gsd()).isEqualTo(0.5592);
    assertThat(m.cloudCover()).isEqualTo(0.0);
    assertThat(m.countryCode()).isEqualTo("USA");
    assertThat(m.utm()).isEqualTo("15R");
    assertThat(m.scanDirection()).isEqualTo("Forward");
    assertThat(m.instant()).isEqualTo(Instant.parse("2015-06-16T10:48:37Z"));
    assertThat(m.boundingBoxes())
        .containsExactly(new BoundingBox(6210, 1019, 893, 607, 717, "airport_hangar", true));
    assertThat(m.extra()).containsExactly(
        Map.entry("off_nadir_angle_dbl", 21.6), Map.entry("pan_resolution_dbl", 0.56));
  }

  @Test
  void acceptsBoundingBoxesAsASingleObject() throws IOException {
    String json = "{\"timestamp\": \"2016-02-29T08:00:00Z\", \"bounding_boxes\":"
        + " {\"ID\": 7, \"box\": [1, 2, 3, 4], \"category\": \"crop_field\", \"visible\": false}}";
    FmowMetadata m = FmowMetadata.parse(json.getBytes(StandardCharsets.UTF_8), "y.json");
    assertThat(m.boundingBoxes())
        .containsExactly(new BoundingBox(7, 1, 2, 3, 4, "crop_field", false));
    assertThat(m.boundingBoxes().get(0).box()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void writeThenReadRoundTripsIncludingExtras(@TempDir Path dir) throws IOException {
    FmowMetadata m = FmowMetadata.parse(REAL.getBytes(StandardCharsets.UTF_8), "x.json");
    Path f = dir.resolve("sub/a_rgb.json");
    m.write(f);
    assertThat(FmowMetadata.read(f)).isEqualTo(m);
    assertThat(Files.readString(f)).contains("\"cloud_cover\" : 0,").contains("\"ID\" : 6210");
    try (var files = Files.list(f.getParent())) {
      assertThat(files).containsExactly(f); // no temp file left behind
    }
  }

  @Test
  void errorsNameFileFieldAndProblem() {
    assertThatThrownBy(() -> FmowMetadata.parse("{\"gsd\": 1".getBytes(StandardCharsets.UTF_8), "bad.json"))
        .isInstanceOf(FmowFormatException.class)
        .hasMessageStartingWith("bad.json: invalid JSON")
        .satisfies(e -> assertThat(((FmowFormatException) e).problem())
            .isEqualTo(FmowFormatException.Problem.SYNTAX));
    assertThatThrownBy(() -> FmowMetadata.parse("{\"gsd\": 1}".getBytes(StandardCharsets.UTF_8), "n.json"))
        .isInstanceOf(FmowFormatException.class)
        .hasMessageStartingWith("n.json: timestamp: missing")
        .satisfies(e -> assertThat(((FmowFormatException) e).field()).isEqualTo("timestamp"));
    assertThatThrownBy(() -> FmowMetadata.parse(
            "{\"timestamp\": \"June 2015\"}".getBytes(StandardCharsets.UTF_8), "t.json"))
        .hasMessageContaining("t.json: timestamp: expected ISO-8601 UTC")
        .hasMessageContaining("'June 2015'");
    assertThatThrownBy(() -> FmowMetadata.parse(
            "{\"timestamp\": \"2015-06-16T10:48:37Z\", \"img_width\": \"wide\"}"
                .getBytes(StandardCharsets.UTF_8), "w.json"))
        .hasMessage("w.json: img_width: expected a number, found 'wide'");
    assertThatThrownBy(() -> FmowMetadata.parse(
            "{\"timestamp\": \"2015-06-16T10:48:37Z\", \"img_width\": -3}"
                .getBytes(StandardCharsets.UTF_8), "w.json"))
        .hasMessage("w.json: img_width: must be > 0, found -3");
  }

  @Test
  void constructorValidatesAndCopies() {
    assertThatThrownBy(() -> new FmowMetadata("a", null, null, null, null, null, null, null, null,
            List.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("timestamp:");
    assertThatThrownBy(() -> new FmowMetadata("a", null, null, "2015-06-16T10:48:37Z", null, null,
            null, null, null, List.of(), Map.of("gsd", 1)))
        .hasMessageContaining("extra: key 'gsd'");
    FmowMetadata m = FmowMetadata.of("a_rgb.jpg", Instant.parse("2015-06-16T10:48:37.250Z"));
    assertThat(m.timestamp()).isEqualTo("2015-06-16T10:48:37.250Z");
    assertThat(m.toJson()).isEqualTo(
        "{\"img_filename\":\"a_rgb.jpg\",\"timestamp\":\"2015-06-16T10:48:37.250Z\",\"bounding_boxes\":[]}");
  }

  @Test
  void timestampsAcceptFractionsOffsetsAndZoneless() {
    assertThat(FmowTimestamps.parse("2015-06-16T10:48:37.5Z"))
        .isEqualTo(Instant.parse("2015-06-16T10:48:37.500Z"));
    assertThat(FmowTimestamps.parse("2015-06-16T12:48:37+02:00"))
        .isEqualTo(Instant.parse("2015-06-16T10:48:37Z"));
    assertThat(FmowTimestamps.parse("2015-06-16T10:48:37"))
        .isEqualTo(Instant.parse("2015-06-16T10:48:37Z"));
    assertThat(FmowTimestamps.parse("2016-02-29T08:00:00.123456789Z"))
        .isEqualTo(Instant.parse("2016-02-29T08:00:00.123456789Z"));
    assertThat(FmowTimestamps.parse(" 2016-02-29T08:00:00Z ")).isEqualTo(Instant.parse("2016-02-29T08:00:00Z"));
    assertThatThrownBy(() -> FmowTimestamps.parse("2015-02-29T08:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2015-02-29T08:00:00Z'");
    assertThatThrownBy(() -> FmowTimestamps.parse("16/06/2015 10:48"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'16/06/2015 10:48'");
    assertThat(FmowTimestamps.format(Instant.parse("2016-02-29T08:00:00Z")))
        .isEqualTo("2016-02-29T08:00:00Z");
  }
}
