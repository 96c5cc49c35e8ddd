package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.video.Mp4Video;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.llava.PromptTemplates;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairsCommandTest {

  /** The dataset module's committed fixture; surefire runs with the examples module as cwd. */
  private static final Path FIXTURE =
      Path.of("..", "geollava-dataset", "src", "test", "resources", "fmow-mini");

  @TempDir Path out;

  @Test
  void writesThePairsSheetAndTheReport() throws Exception {
    assertThat(FIXTURE.resolve("train")).isDirectory();
    CliRun r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isZero();
    List<String> csv = Files.readAllLines(out.resolve("pairs.csv"));
    assertThat(csv.get(0))
        .isEqualTo("category,location_id,image1,timestamp1,image_path1,image2,timestamp2,image_path2");
    assertThat(csv).hasSize(9);
    assertThat(csv.get(1)).startsWith("airport_hangar,airport_hangar_23,airport_hangar_23_6_rgb.jpg,"
        + "2015-01-10T10:00:00Z,").contains(",airport_hangar_23_2_rgb.jpg,2016-01-10T10:00:00Z,");
    assertThat(Files.readAllLines(out.resolve("pairs.jsonl"))).hasSize(8);
    JsonNode report = new ObjectMapper().readTree(out.resolve("pairs_report.json").toFile());
    assertThat(report.at("/pairing/pairs").asLong()).isEqualTo(8);
    assertThat(report.at("/pairing/oversize_images").asLong()).isEqualTo(1);
    assertThat(report.at("/pairing/scan/skipped").asLong()).isEqualTo(3);
    assertThat(report.at("/pairing/scan/skipped_entries/0/reason").asText()).isEqualTo("INVALID_JSON");
    assertThat(report.at("/pairing/scan/skipped_by_reason/MISSING_TIMESTAMP").asLong()).isEqualTo(1);
    assertThat(r.stdout()).contains("8 pairs (chained, min gap 365 days)");
    assertThat(out.resolve("llava.json")).doesNotExist();
  }

  @Test
  void adjacentPolicyLimitAndAllSplits() throws Exception {
    CliRun r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString(), "--split", "all",
        "--policy", "adjacent", "--limit", "4", "--seed", "3");
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readAllLines(out.resolve("pairs.csv"))).hasSize(5);
    JsonNode report = new ObjectMapper().readTree(out.resolve("pairs_report.json").toFile());
    assertThat(report.at("/pairing/candidate_pairs").asLong()).isEqualTo(9);
    assertThat(report.at("/pairing/limit").asInt()).isEqualTo(4);
  }

  @Test
  void joinsCaptionsIntoLlavaConversations() throws Exception {
    Path captions = out.resolve("captions.jsonl");
    Files.writeString(captions,
        "{\"video\":\"airport_hangar_23_6-airport_hangar_23_2.mp4\",\"caption\":\"A hangar appeared.\"}\n"
            + "{\"id\":\"crop_field_7_2-crop_field_7_1\",\"caption\":\"Fields were harvested.\"}\n"
            + "{\"id\":\"unrelated_1-unrelated_2\",\"caption\":\"Nothing.\"}\n");
    CliRun r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.resolve("o").toString(),
        "--annotations", captions.toString(), "--seed", "9");
    assertThat(r.exitCode()).isZero();
    List<LlavaConversation> conv = LlavaAnnotations.read(out.resolve("o/llava.json"));
    assertThat(conv).extracting(LlavaConversation::id)
        .containsExactly("airport_hangar_23_6-airport_hangar_23_2", "crop_field_7_2-crop_field_7_1");
    assertThat(conv.get(0).video()).isEqualTo("airport_hangar_23_6-airport_hangar_23_2.mp4");
    assertThat(conv.get(0).caption()).isEqualTo("A hangar appeared.");
    assertThat(conv.get(0).prompt()).isEqualTo(PromptTemplates.pick(9, conv.get(0).id()));
    JsonNode report = new ObjectMapper().readTree(out.resolve("o/pairs_report.json").toFile());
    assertThat(report.at("/annotations/conversations").asLong()).isEqualTo(2);
    assertThat(report.at("/annotations/pairs_without_caption").asLong()).isEqualTo(6);
    assertThat(report.at("/annotations/captions_without_pair").asLong()).isEqualTo(1);
  }

  @Test
  void badInputExitsTwoWithAOneLineMessage() {
    CliRun r = CliRun.of("pairs", "--fmow", out.resolve("missing").toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--fmow: not a folder").doesNotContain("\tat ");
    r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString(), "--policy", "random");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("policy: expected chained or adjacent, found 'random'");
    r = CliRun.of("pairs", "--fmow", FIXTURE.toString(), "--out", out.toString(), "--split", "test");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("split folder 'test' not found");
  }

  @Test
  void helpWorks() {
    CliRun r = CliRun.of("pairs", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).contains("--min-gap-days").contains("--annotations");
  }

  @Test
  void videosAreTheAnnotationsTwoFrameMp4sAndARerunSkipsThem() throws Exception {
    Path synth = out.resolve("synth");
    assertThat(CliRun.of("synth", "--out", synth.toString(), "--locations", "4", "--size", "64",
        "--seed", "3", "--threads", "1").exitCode()).isZero();
    Path videos = out.resolve("videos");
    CliRun r = CliRun.of("pairs", "--fmow", synth.toString(), "--split", "all", "--out",
        out.resolve("p").toString(), "--videos", videos.toString(), "--threads", "2");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    // every conversation synth wrote finds its video by its "video" field, and nothing else is there
    Set<String> wanted = new TreeSet<>();
    for (String split : List.of("train.json", "test.json")) {
      for (LlavaConversation c : LlavaAnnotations.read(synth.resolve("annotations").resolve(split))) {
        wanted.add(c.video());
      }
    }
    Set<String> files = new TreeSet<>();
    try (Stream<Path> s = Files.list(videos)) {
      s.forEach(p -> files.add(p.getFileName().toString()));
    }
    assertThat(files).isEqualTo(wanted).hasSizeGreaterThan(3);
    for (String f : files) {
      List<BufferedImage> frames = Mp4Video.readFrames(videos.resolve(f));
      assertThat(frames).hasSize(2);
      assertThat(frames.get(0).getWidth()).isEqualTo(64);
      assertThat(frames.get(1).getHeight()).isEqualTo(64);
    }
    assertThat(r.stdout()).contains("wrote " + files.size() + " videos to " + videos)
        .contains("(0 already there, 0 resized");

    // a rerun keeps the files; a deleted one is written again
    String first = files.iterator().next();
    FileTime before = Files.getLastModifiedTime(videos.resolve(files.toArray(String[]::new)[1]));
    Files.delete(videos.resolve(first));
    r = CliRun.of("pairs", "--fmow", synth.toString(), "--split", "all", "--out",
        out.resolve("p").toString(), "--videos", videos.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("wrote 1 videos").contains("(" + (files.size() - 1) + " already there");
    assertThat(videos.resolve(first)).isRegularFile();
    assertThat(Files.getLastModifiedTime(videos.resolve(files.toArray(String[]::new)[1])))
        .isEqualTo(before);
  }

  @Test
  void imagesOfDifferentSizesAreResizedToTheFirstFrame() throws Exception {
    Path synth = out.resolve("synth");
    CliRun made = CliRun.of("synth", "--out", synth.toString(), "--locations", "2", "--size", "64",
        "--seed", "3");
    assertThat(made.exitCode()).as(made.stderr()).isZero();
    Path image;
    try (Stream<Path> s = Files.walk(synth)) {
      image = s.filter(p -> p.toString().endsWith("_1_rgb.jpg")).findFirst().orElseThrow();
    }
    ImageIO.write(new BufferedImage(48, 32, BufferedImage.TYPE_3BYTE_BGR), "jpg", image.toFile());
    Path videos = out.resolve("videos");
    CliRun r = CliRun.of("pairs", "--fmow", synth.toString(), "--out", out.resolve("p").toString(),
        "--split", "all", "--videos", videos.toString(), "--min-gap-days", "0");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).containsPattern("\\([0-9]+ already there, [1-9][0-9]* resized");
    try (Stream<Path> s = Files.list(videos)) {
      for (Path v : s.toList()) {
        List<BufferedImage> frames = Mp4Video.readFrames(v);
        assertThat(frames.get(1).getWidth()).isEqualTo(frames.get(0).getWidth());
      }
    }
  }
}
