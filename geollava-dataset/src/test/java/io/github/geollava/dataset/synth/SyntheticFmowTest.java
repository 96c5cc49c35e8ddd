package io.github.geollava.dataset.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.dataset.fmow.FmowImage;
import io.github.geollava.dataset.fmow.FmowScanner;
import io.github.geollava.dataset.fmow.ScanReport;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.llava.PromptTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticFmowTest {

  /**
   * SHA-256 over (relative path, file hash) of every output file except the contact sheet, for seed
   * 3, 28 locations at 96 px. Measured on OpenJDK 17.0.15 (Debian), x86_64. A change here means the
   * output for a seed changed: either the generator did (bump {@link
   * SyntheticFmow#GENERATOR_VERSION} and re-pin) or the platform's JPEG encoder did.
   */
  static final String PINNED =
      "387f1a9c387bdd1052f99abd138487db38587af8217508a40b1546d626fbd8f0";

  @TempDir static Path tmp;
  static SynthSummary summary;

  @BeforeAll
  static void generate() throws IOException {
    summary = options(tmp.resolve("a"), 2).generate();
  }

  private static SyntheticFmow options(Path out, int threads) {
    return SyntheticFmow.builder().locations(28).imageSize(96).seed(3).threads(threads)
        .contactSheetPairs(4).outputDir(out).build();
  }

  static String treeHash(Path root) throws IOException, NoSuchAlgorithmException {
    MessageDigest all = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("contact_sheet.png")).sorted().toList();
    }
    for (Path f : files) {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
      all.update(root.relativize(f).toString().replace('\\', '/').getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      all.update(h);
    }
    return HexFormat.of().formatHex(all.digest());
  }

  @Test
  void sameSeedGivesByteIdenticalTreeWhateverTheThreadCount() throws Exception {
    options(tmp.resolve("b"), 1).generate();
    String a = treeHash(tmp.resolve("a"));
    assertThat(treeHash(tmp.resolve("b"))).isEqualTo(a);
    assertThat(a).as("pinned output hash (see PINNED javadoc)").isEqualTo(PINNED);
  }

  @Test
  void theRealScannerReadsEveryImageWithZeroSkips() throws IOException {
    assertThat(summary.skipped()).isZero();
    int images = 0;
    for (String split : List.of(SyntheticFmow.TRAIN_SPLIT, SyntheticFmow.TEST_SPLIT)) {
      List<FmowImage> found = new ArrayList<>();
      ScanReport r = FmowScanner.builder().root(tmp.resolve("a")).split(split).build()
          .scan(found::add);
      assertThat(r.skipped()).as("skipped in " + split).isZero();
      images += found.size();
      for (FmowImage img : found) {
        assertThat(img.metadata().imgWidth()).isEqualTo(96);
        assertThat(img.metadata().boundingBoxes()).hasSize(1);
        assertThat(img.metadata().boundingBoxes().get(0).category()).isEqualTo(img.category());
        assertThat(img.metadata().countryCode()).hasSize(3);
        assertThat(img.metadata().utm()).matches("[0-9]{1,2}[C-X]");
        assertThat(ImageIO.read(img.imagePath().toFile()).getWidth()).isEqualTo(96);
      }
    }
    assertThat(images).isEqualTo(summary.images());
    assertThat(summary.locations()).isEqualTo(28);
  }

  @Test
  void noLocationIsInBothSplitsAndEveryCategoryAppears() throws IOException {
    Path ann = tmp.resolve("a/annotations");
    List<LlavaConversation> train = LlavaAnnotations.read(ann.resolve("train.json"));
    List<LlavaConversation> test = LlavaAnnotations.read(ann.resolve("test.json"));
    assertThat(train).hasSize(summary.trainPairs()).isNotEmpty();
    assertThat(test).hasSize(summary.testPairs()).isNotEmpty();
    Set<String> trainLocs = locations(train);
    Set<String> testLocs = locations(test);
    assertThat(trainLocs).doesNotContainAnyElementsOf(testLocs);
    try (Stream<Path> a = Files.list(tmp.resolve("a/train"));
        Stream<Path> b = Files.list(tmp.resolve("a/val"))) {
      Set<String> trainCats = new HashSet<>(a.map(p -> p.getFileName().toString()).toList());
      assertThat(trainCats).hasSize(SynthCategory.values().length);
      assertThat(b.count()).isPositive();
    }
    for (LlavaConversation c : train) {
      assertThat(c.video()).isEqualTo(c.id() + ".mp4");
      assertThat(PromptTemplates.ALL).contains(c.prompt());
      assertThat(Phrases.words(c.caption())).isBetween(80, 200);
    }
    List<LlavaConversation> scenes = LlavaAnnotations.read(ann.resolve("scenes.json"));
    assertThat(scenes).hasSize(summary.scenes());
    for (LlavaConversation s : scenes) {
      assertThat(Files.exists(tmp.resolve("a").resolve(s.video()))).as(s.video()).isTrue();
      assertThat(s.video()).startsWith("train/");
    }
  }

  private static Set<String> locations(List<LlavaConversation> records) {
    Set<String> out = new HashSet<>();
    for (LlavaConversation c : records) {
      // Ids are {stem1}-{stem2} and category names may contain '-', so match the stem shape.
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?_\\d+)_\\d+-")
          .matcher(c.id());
      assertThat(m.find()).as(c.id()).isTrue();
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void eventsSidecarMatchesCaptionsAndDetector() throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<String> lines = Files.readAllLines(tmp.resolve("a/annotations/pairs_events.jsonl"));
    assertThat(lines).hasSize(summary.trainPairs() + summary.testPairs());
    for (String line : lines) {
      JsonNode n = m.readTree(line);
      List<ChangeEvent> truth = new ArrayList<>();
      n.get("events").forEach(e -> truth.add(ChangeEvent.valueOf(e.asText().toUpperCase(
          java.util.Locale.ROOT))));
      assertThat(ChangeEventDetector.exactMatch(n.get("caption").asText(), truth)).as(line)
          .isTrue();
      assertThat(Files.exists(tmp.resolve("a").resolve(n.get("first").asText()))).isTrue();
      assertThat(Files.exists(tmp.resolve("a").resolve(n.get("second").asText()))).isTrue();
      assertThat(n.get("first_timestamp").asText())
          .isLessThan(n.get("second_timestamp").asText());
    }
  }

  @Test
  void fileNumbersAreNotTimeOrder() throws IOException {
    int shuffled = 0;
    for (FmowImage img : scanAll()) {
      String stem = img.stem();
      int n = Integer.parseInt(stem.substring(stem.lastIndexOf('_') + 1));
      SimulatedLocation loc = SimulatedLocation.simulate(3, indexOf(img.locationId()),
          Integer.parseInt(img.locationId().substring(img.locationId().lastIndexOf('_') + 1)));
      for (SimulatedLocation.Acquisition a : loc.acquisitions()) {
        if (a.number() == n && a.order() != n) {
          shuffled++;
        }
      }
    }
    assertThat(shuffled).isPositive();
  }

  private static int indexOf(String locationId) {
    String cat = locationId.substring(0, locationId.lastIndexOf('_'));
    int number = Integer.parseInt(locationId.substring(locationId.lastIndexOf('_') + 1));
    for (SynthCategory c : SynthCategory.values()) {
      if (c.fmowName().equals(cat)) {
        return number * SynthCategory.values().length + c.ordinal();
      }
    }
    throw new AssertionError(locationId);
  }

  private static List<FmowImage> scanAll() throws IOException {
    List<FmowImage> all = new ArrayList<>();
    FmowScanner.builder().root(tmp.resolve("a")).split("all").build().scan(all::add);
    return all;
  }

  @Test
  void writesContactSheetAndManifest() throws IOException {
    assertThat(ImageIO.read(summary.contactSheet().toFile()).getHeight()).isGreaterThan(96 * 3);
    JsonNode manifest = new ObjectMapper().readTree(
        tmp.resolve("a/synth_manifest.json").toFile());
    assertThat(manifest.get("seed").asLong()).isEqualTo(3);
    assertThat(manifest.get("images").asInt()).isEqualTo(summary.images());
  }

  @Test
  void rejectsBadOptionsNamingThem() {
    assertThatThrownBy(() -> SyntheticFmow.builder().build())
        .hasMessageContaining("outputDir");
    assertThatThrownBy(() -> SyntheticFmow.builder().outputDir(tmp).locations(1).build())
        .hasMessageContaining("locations").hasMessageContaining("1");
    assertThatThrownBy(() -> SyntheticFmow.builder().outputDir(tmp).imageSize(20).build())
        .hasMessageContaining("imageSize");
    assertThatThrownBy(() -> SyntheticFmow.builder().outputDir(tmp).testFraction(1).build())
        .hasMessageContaining("testFraction");
  }
}
