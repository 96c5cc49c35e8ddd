package io.github.geollava.dataset.pairs;

import io.github.geollava.dataset.fmow.FmowImage;
import io.github.geollava.dataset.fmow.FmowMetadata;
import io.github.geollava.dataset.fmow.FmowScanner;
import io.github.geollava.dataset.fmow.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the scanned fixture, and hand-made images. */
final class PairsFixture {

  private PairsFixture() {}

  static List<FmowImage> scan(String split) throws IOException {
    List<FmowImage> images = new ArrayList<>();
    FmowScanner.builder().root(Fixtures.fmowMini()).split(split).build().scan(images::add);
    return images;
  }

  static FmowImage image(String location, int n, String timestamp, long bytes) {
    String category = location.substring(0, location.lastIndexOf('_'));
    String stem = location + "_" + n;
    Path dir = Path.of("fmow", "train", category, location);
    return new FmowImage("train", category, location, dir.resolve(stem + "_rgb.jpg"),
        dir.resolve(stem + "_rgb.json"), Instant.parse(timestamp), bytes,
        FmowMetadata.of(stem + "_rgb.jpg", Instant.parse(timestamp)));
  }

  static List<String> ids(List<TemporalPair> pairs) {
    List<String> out = new ArrayList<>();
    pairs.forEach(p -> out.add(p.id()));
    return out;
  }
}
