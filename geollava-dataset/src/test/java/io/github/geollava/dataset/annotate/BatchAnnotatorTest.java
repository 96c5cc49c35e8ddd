package io.github.geollava.dataset.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchAnnotatorTest {

  @TempDir Path dir;

  private List<AnnotationTask> tasks(int n) {
    List<AnnotationTask> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new AnnotationTask("p_" + i + "-p_" + (i + 10), "p_" + i + "-p_" + (i + 10) + ".mp4",
          dir.resolve("p_" + i + "_rgb.jpg"), dir.resolve("p_" + (i + 10) + "_rgb.jpg")));
    }
    return out;
  }

  private static AnnotationClient echo(AtomicInteger calls) {
    return (before, after, prompt) -> {
      calls.incrementAndGet();
      return "caption of " + before.getFileName() + " and " + after.getFileName();
    };
  }

  @Test
  void checkpointsEveryRecordAndNeverPaysTwice() throws Exception {
    Path ckpt = dir.resolve("out/captions.jsonl");
    AtomicInteger calls = new AtomicInteger();
    BatchAnnotator ann = BatchAnnotator.builder().client(echo(calls)).checkpoint(ckpt).concurrency(3).build();
    BatchResult first = ann.run(tasks(7));
    assertThat(first).isEqualTo(new BatchResult(7, 0, 7, List.of()));
    assertThat(CaptionRecord.readJsonl(ckpt)).hasSize(7)
        .anySatisfy(r -> assertThat(r).isEqualTo(new CaptionRecord("p_2-p_12", "p_2-p_12.mp4",
            "caption of p_2_rgb.jpg and p_12_rgb.jpg")));

    BatchResult again = ann.run(tasks(9));
    assertThat(again).isEqualTo(new BatchResult(9, 7, 2, List.of()));
    assertThat(calls.get()).isEqualTo(9);
    assertThat(Files.readAllLines(ckpt)).hasSize(9);
  }

  @Test
  void resumesAfterACrashThatCutTheLastLine() throws Exception {
    Path ckpt = dir.resolve("captions.jsonl");
    Files.writeString(ckpt,
        new CaptionRecord("p_0-p_10", "p_0-p_10.mp4", "zero").toJsonLine() + "\n"
            + new CaptionRecord("p_1-p_11", "p_1-p_11.mp4", "one").toJsonLine() + "\n"
            + "{\"id\":\"p_2-p_12\",\"video\":\"p_2-p");
    assertThat(CaptionRecord.readJsonl(ckpt)).hasSize(2);
    AtomicInteger calls = new AtomicInteger();
    BatchResult r = BatchAnnotator.builder().client(echo(calls)).checkpoint(ckpt).build().run(tasks(4));
    assertThat(r).isEqualTo(new BatchResult(4, 2, 2, List.of()));
    assertThat(calls.get()).isEqualTo(2);
    List<CaptionRecord> all = CaptionRecord.readJsonl(ckpt);
    assertThat(all).extracting(CaptionRecord::id)
        .containsExactlyInAnyOrder("p_0-p_10", "p_1-p_11", "p_2-p_12", "p_3-p_13");
    assertThat(all.get(0).caption()).isEqualTo("zero");
  }

  @Test
  void failuresAreReportedNotCheckpointedAndRetriedNextRun() throws Exception {
    Path ckpt = dir.resolve("captions.jsonl");
    AnnotationClient flaky = (before, after, prompt) -> {
      if (before.getFileName().toString().equals("p_1_rgb.jpg")) {
        throw new AnnotationException(500, "server exploded", null);
      }
      return "ok";
    };
    BatchResult r = BatchAnnotator.builder().client(flaky).checkpoint(ckpt).build().run(tasks(3));
    assertThat(r.completed()).isEqualTo(2);
    assertThat(r.failures()).containsExactly(new BatchResult.Failure("p_1-p_11", "server exploded"));
    AtomicInteger calls = new AtomicInteger();
    BatchResult second = BatchAnnotator.builder().client(echo(calls)).checkpoint(ckpt).build().run(tasks(3));
    assertThat(second).isEqualTo(new BatchResult(3, 2, 1, List.of()));
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void respectsTheConcurrencyLimit() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AnnotationClient slow = (before, after, prompt) -> {
      int now = inFlight.incrementAndGet();
      peak.accumulateAndGet(now, Math::max);
      Thread.sleep(30);
      inFlight.decrementAndGet();
      return "ok";
    };
    BatchAnnotator.builder().client(slow).checkpoint(dir.resolve("c.jsonl")).concurrency(2).build()
        .run(tasks(8));
    assertThat(peak.get()).isBetween(1, 2);
  }

  @Test
  void endToEndWithTheHttpClientPaysOncePerPair() throws Exception {
    List<AnnotationTask> tasks = new ArrayList<>();
    for (AnnotationTask t : tasks(4)) {
      Files.write(t.image1(), new byte[] {1});
      Files.write(t.image2(), new byte[] {2});
      tasks.add(t);
    }
    Path ckpt = dir.resolve("captions.jsonl");
    try (LoopbackServer s = new LoopbackServer(i -> LoopbackServer.Reply.ok("caption " + i))) {
      OpenAiChatClient client = OpenAiChatClient.builder().baseUri(s.baseUri()).model("m")
          .environment(Map.of("OPENAI_API_KEY", "k")::get)
          .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).build();
      BatchAnnotator ann = BatchAnnotator.builder().client(client).checkpoint(ckpt).concurrency(2).build();
      assertThat(ann.run(tasks).completed()).isEqualTo(4);
      assertThat(ann.run(tasks).alreadyDone()).isEqualTo(4);
      assertThat(s.requests).hasSize(4);
    }
  }

  @Test
  void truncateIncompleteTailKeepsWholeLines() throws IOException {
    Path f = Files.writeString(dir.resolve("t.jsonl"), "a\nb\nhalf");
    assertThat(BatchAnnotator.truncateIncompleteTail(f)).isEqualTo(4);
    assertThat(Files.readString(f)).isEqualTo("a\nb\n");
    assertThat(BatchAnnotator.truncateIncompleteTail(f)).isZero();
  }
}
