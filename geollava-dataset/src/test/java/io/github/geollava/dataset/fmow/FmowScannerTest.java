package io.github.geollava.dataset.fmow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmowScannerTest {

  @Test
  void scansTrainSkippingBadEntriesWithReasons() throws IOException {
    List<FmowImage> images = new ArrayList<>();
    ScanReport r = FmowScanner.builder().root(Fixtures.fmowMini()).split("train").build()
        .scan(images::add);

    assertThat(r.splits()).containsExactly("train");
    assertThat(r.categories()).isEqualTo(3);
    assertThat(r.locations()).isEqualTo(5);
    assertThat(r.metadataFiles()).isEqualTo(19);
    assertThat(r.images()).isEqualTo(16).isEqualTo(images.size());
    assertThat(r.ignoredMsrgb()).isEqualTo(4);
    assertThat(r.skipped()).isEqualTo(3);
    assertThat(r.skippedListTruncated()).isFalse();
    assertThat(r.skippedEntries())
        .extracting(e -> Path.of(e.path()).getFileName().toString(), SkippedEntry::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("crop_field_12_4_rgb.json", SkipReason.INVALID_JSON),
            org.assertj.core.groups.Tuple.tuple("crop_field_12_5_rgb.json", SkipReason.MISSING_TIMESTAMP),
            org.assertj.core.groups.Tuple.tuple("crop_field_12_6_rgb.json", SkipReason.MISSING_IMAGE));
    assertThat(r.skippedEntries().get(2).detail()).contains("crop_field_12_6_rgb.jpg does not exist");
    assertThat(r.skippedByReason()).containsEntry(SkipReason.INVALID_JSON, 1L)
        .containsEntry(SkipReason.UNREADABLE, 0L);

    // scan order: category, location, file name; no _msrgb image slipped in
    assertThat(images).extracting(FmowImage::fileName).startsWith(
        "airport_hangar_23_0_rgb.jpg", "airport_hangar_23_2_rgb.jpg", "airport_hangar_23_3_rgb.jpg",
        "airport_hangar_23_6_rgb.jpg", "airport_hangar_41_0_rgb.jpg", "crop_field_12_0_rgb.jpg");
    assertThat(images).noneMatch(i -> i.fileName().contains("msrgb"));

    FmowImage frac = byName(images, "airport_hangar_23_3_rgb.jpg");
    assertThat(frac.timestamp()).isEqualTo(Instant.parse("2017-01-09T10:00:00.500Z"));
    assertThat(frac.split()).isEqualTo("train");
    assertThat(frac.category()).isEqualTo("airport_hangar");
    assertThat(frac.locationId()).isEqualTo("airport_hangar_23");
    assertThat(frac.stem()).isEqualTo("airport_hangar_23_3");
    assertThat(frac.metadataPath().getFileName().toString()).isEqualTo("airport_hangar_23_3_rgb.json");
    assertThat(frac.fileBytes()).isEqualTo(Files.size(frac.imagePath())).isLessThan(1000);
    assertThat(frac.metadata().extra()).containsKeys("off_nadir_angle_dbl", "approximate_wavelengths");

    assertThat(byName(images, "military_facility_4_1_rgb.jpg").fileBytes())
        .isEqualTo(FmowMiniFixture.OVERSIZE_BYTES);
    assertThat(byName(images, "crop_field_7_1_rgb.jpg").metadata().boundingBoxes()).hasSize(1);
  }

  @Test
  void groupsByLocationAndScansAllSplits() throws IOException {
    List<FmowLocation> locs = new ArrayList<>();
    ScanReport r = FmowScanner.builder().root(Fixtures.fmowMini()).split("all").build()
        .scanLocations(locs::add);
    assertThat(r.splits()).containsExactly("train", "val");
    assertThat(locs).extracting(l -> l.split() + "/" + l.locationId()).containsExactly(
        "train/airport_hangar_23", "train/airport_hangar_41", "train/crop_field_12",
        "train/crop_field_7", "train/military_facility_4", "val/airport_hangar_101",
        "val/military_facility_88");
    assertThat(locs.get(2).images()).hasSize(4);
    assertThat(r.images()).isEqualTo(21);

    List<FmowImage> flat = locs.stream().flatMap(l -> l.images().stream()).collect(Collectors.toList());
    assertThat(FmowLocation.group(flat)).isEqualTo(locs);
  }

  @Test
  void missingRootOrSplitIsAnError(@TempDir Path dir) {
    assertThatThrownBy(() -> FmowScanner.builder().root(dir.resolve("nope")).build().scan(i -> { }))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> FmowScanner.builder().root(dir).split("val").build().scan(i -> { }))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("split folder 'val'");
    assertThatThrownBy(() -> FmowScanner.builder().root(dir).split("all").build().scan(i -> { }))
        .hasMessageContaining("needs a train or val folder");
    assertThatThrownBy(() -> FmowScanner.builder().root(dir).split("../etc"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../etc'");
    assertThatThrownBy(() -> FmowScanner.builder().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void listsAtMostTheConfiguredNumberOfSkipsButCountsAll(@TempDir Path dir) throws IOException {
    Path loc = Files.createDirectories(dir.resolve("train/port/port_1"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(loc.resolve("port_1_" + i + "_rgb.json"), "{\"timestamp\": \"2015-01-01T00:00:00Z\"}");
    }
    Files.writeString(loc.resolve("port_1_9_rgb.json"), "{\"timestamp\": \"not a time\"}");
    Files.write(loc.resolve("port_1_9_rgb.jpg"), new byte[3]);
    ScanReport r = FmowScanner.builder().root(dir).maxListedSkips(2).build().scan(i -> { });
    assertThat(r.skipped()).isEqualTo(6);
    assertThat(r.skippedEntries()).hasSize(2);
    assertThat(r.skippedListTruncated()).isTrue();
    assertThat(r.skippedByReason()).containsEntry(SkipReason.MISSING_IMAGE, 5L)
        .containsEntry(SkipReason.INVALID_TIMESTAMP, 1L);
    assertThat(r.images()).isZero();
  }

  private static FmowImage byName(List<FmowImage> images, String name) {
    return images.stream().filter(i -> i.fileName().equals(name)).findFirst().orElseThrow();
  }
}
