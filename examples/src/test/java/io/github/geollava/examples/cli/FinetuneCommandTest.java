package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.caption.TinyModels;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinetuneCommandTest {

  @TempDir static Path shared;
  static Path model;
  static Path videos;
  static Path train;

  @TempDir Path tmp;

  @BeforeAll
  static void data() throws Exception {
    System.setProperty("ai.djl.offline", "true");
    model = TinyModels.writeModelDir(3, shared.resolve("model"));
    videos = shared.resolve("videos");
    String[] answers = {"the forest changed .", "the lake is small .", "new buildings appeared .",
        "the field is unchanged ."};
    Color[] colours = {Color.GREEN, Color.BLUE, Color.GRAY, Color.YELLOW};
    List<LlavaConversation> convs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Path v = videos.resolve("pair_" + i);
      Files.createDirectories(v);
      for (int f = 0; f < 2; f++) {
        BufferedImage img = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(f == 0 ? Color.DARK_GRAY : colours[i % 4]);
        g.fillRect(0, 0, 56, 56);
        g.dispose();
        ImageIO.write(img, "png", v.resolve(f + ".png").toFile());
      }
      convs.add(LlavaConversation.withPrompt("pair_" + i, "pair_" + i + ".mp4",
          "describe the changes between the images", answers[i % 4]));
    }
    train = shared.resolve("train.json");
    LlavaAnnotations.write(train, convs);
  }

  private String[] args(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("finetune", "--model", model.toString(), "--train", train.toString(),
        "--videos", videos.toString(), "--out", out.toString(), "--lora", "r=8,alpha=16",
        "--batch-size", "4", "--lr", "5e-3", "--seed", "5"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void writesAPeftAdapterTheCaptionCommandLoads() throws Exception {
    Path out = tmp.resolve("run");
    CliRun r = CliRun.of(args(out, "--val", train.toString(), "--epochs", "3"));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("trained 9 steps");
    assertThat(out.resolve("adapter/adapter_config.json")).isRegularFile();
    assertThat(out.resolve("adapter/adapter_model.safetensors")).isRegularFile();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("training.json").toFile());
    assertThat(summary.get("step_losses")).hasSize(9);
    assertThat(summary.get("validations").size()).isPositive();
    assertThat(summary.get("trainable_parameters").asLong()).isPositive();
    Path frames = videos.resolve("pair_0");
    CliRun cap = CliRun.of("caption", "--model", model.toString(), "--adapter", out.resolve("adapter").toString(),
        "--before", frames.resolve("0.png").toString(), "--after", frames.resolve("1.png").toString(),
        "--max-new-tokens", "6");
    assertThat(cap.exitCode()).as(cap.stderr()).isZero();
  }

  @Test
  void pruningWritesMasksAndQuantizationTrains() throws Exception {
    Path out = tmp.resolve("pq");
    CliRun r = CliRun.of(args(out, "--prune", "0.1", "--quant", "nf4", "--epochs", "1"));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(out.resolve("masks.safetensors")).isRegularFile();
    assertThat(out.resolve("adapter/adapter_model.safetensors")).isRegularFile();
  }

  @Test
  void badInputExitsTwoNamingTheCulprit() {
    CliRun r = CliRun.of(args(tmp.resolve("bad"), "--quant", "int3"));
    assertThat(r.stderr()).doesNotContain("should be specified only once");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("--quant must be nf4, fp4, int8 or none, found int3");
    CliRun missing = CliRun.of("finetune", "--model", model.toString(), "--train", train.toString(),
        "--videos", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.stderr()).contains("nowhere");
  }

  /** The acceptance check: kill -9 mid-run, run again, same final loss as an uninterrupted run. */
  @Test
  void aRunKilledWithSigkillResumesToTheSameLoss() throws Exception {
    Path straight = tmp.resolve("straight");
    assertThat(CliRun.of(args(straight, "--epochs", "6")).exitCode()).isZero();
    double expected = finalLoss(straight);

    Path killed = tmp.resolve("killed");
    Process p = new ProcessBuilder(javaCommand(args(killed, "--epochs", "6")))
        .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
    Path checkpoints = killed.resolve("checkpoints");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (countCheckpoints(checkpoints) < 1 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the run must still be going when killed").isTrue();
    p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.resolve("training.json")).doesNotExist();

    CliRun resumed = CliRun.of(args(killed, "--epochs", "6"));
    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    JsonNode s = new ObjectMapper().readTree(killed.resolve("training.json").toFile());
    assertThat(s.get("resumed_from_step").asLong()).isPositive();
    assertThat(s.get("steps").asLong()).isEqualTo(18);
    assertThat(s.get("final_loss").asDouble()).isCloseTo(expected, within(1e-4));
  }

  private static double finalLoss(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("training.json").toFile()).get("final_loss").asDouble();
  }

  private static long countCheckpoints(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("checkpoint-")).count();
    }
  }

  private static List<String> javaCommand(String[] args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(GeollavaCli.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }
}
