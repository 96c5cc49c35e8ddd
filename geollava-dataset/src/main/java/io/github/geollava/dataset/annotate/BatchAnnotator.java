package io.github.geollava.dataset.annotate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captions many pairs through an {@link AnnotationClient}, at most {@code concurrency} requests at a
 * time, appending each finished caption to a JSONL checkpoint (one {@link CaptionRecord} per line,
 * written and forced to disk as soon as it arrives).
 *
 * <p>Resuming: on start the checkpoint is read and every task whose id (or video name) is already
 * there is skipped, so an interrupted run loses at most the requests in flight and never pays twice
 * for a finished pair. A last line cut short by a crash is cut off the file before appending. A failed
 * task is reported in the {@link BatchResult} and not checkpointed, so the next run retries it.
 *
 * <pre>{@code
 * BatchResult r = BatchAnnotator.builder().client(client).checkpoint(Path.of("captions.jsonl"))
 *     .concurrency(8).build().run(tasks);
 * }</pre>
 */
public final class BatchAnnotator {

  private static final Logger LOG = LoggerFactory.getLogger(BatchAnnotator.class);

  private final AnnotationClient client;
  private final Path checkpoint;
  private final int concurrency;
  private final String prompt;

  private BatchAnnotator(Builder b) {
    this.client = b.client;
    this.checkpoint = b.checkpoint;
    this.concurrency = b.concurrency;
    this.prompt = b.prompt;
  }

  /**
   * A builder; client and checkpoint are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the tasks not yet in the checkpoint.
   *
   * @param tasks the tasks; duplicate ids run once
   * @return the counts and failures of this run
   * @throws IOException when the checkpoint cannot be read or appended to
   * @throws InterruptedException when interrupted; finished captions are already on disk
   */
  public BatchResult run(Collection<AnnotationTask> tasks) throws IOException, InterruptedException {
    Set<String> done = new HashSet<>();
    if (Files.exists(checkpoint)) {
      truncateIncompleteTail(checkpoint);
      for (CaptionRecord r : CaptionRecord.readJsonl(checkpoint)) {
        if (r.id() != null) {
          done.add("id:" + r.id());
        }
        done.add("video:" + r.videoKey());
      }
    }
    Map<String, AnnotationTask> distinct = new LinkedHashMap<>();
    for (AnnotationTask t : tasks) {
      distinct.putIfAbsent(t.id(), t);
    }
    List<AnnotationTask> todo = new ArrayList<>();
    int already = 0;
    for (AnnotationTask t : distinct.values()) {
      if (done.contains("id:" + t.id()) || done.contains("video:" + t.video())) {
        already++;
      } else {
        todo.add(t);
      }
    }
    LOG.info("annotating {} pairs ({} already in {}), concurrency {}", todo.size(), already,
        checkpoint, concurrency);
    List<BatchResult.Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger completed = new AtomicInteger();
    if (checkpoint.toAbsolutePath().getParent() != null) {
      Files.createDirectories(checkpoint.toAbsolutePath().getParent());
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread th = new Thread(r, "geollava-annotate");
      th.setDaemon(true);
      return th;
    });
    try (FileChannel out = FileChannel.open(checkpoint, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      List<Future<?>> futures = new ArrayList<>(todo.size());
      for (AnnotationTask t : todo) {
        futures.add(pool.submit(() -> {
          String caption;
          try {
            caption = client.describe(t.image1(), t.image2(), prompt);
          } catch (IOException | RuntimeException e) {
            LOG.warn("pair {} failed: {}", t.id(), e.getMessage());
            failures.add(new BatchResult.Failure(t.id(), String.valueOf(e.getMessage())));
            return null;
          }
          append(out, new CaptionRecord(t.id(), t.video(), caption));
          int n = completed.incrementAndGet();
          if (n % 100 == 0) {
            LOG.info("{} / {} pairs captioned", n, todo.size());
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof UncheckedIOException) {
            throw ((UncheckedIOException) c).getCause();
          }
          if (c instanceof InterruptedException) {
            throw (InterruptedException) c;
          }
          throw new IllegalStateException("annotation task failed unexpectedly", c);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new BatchResult(distinct.size(), already, completed.get(), failures);
  }

  /** One line, one write, forced: a crash leaves whole lines plus at most one cut-off last line. */
  private static void append(FileChannel out, CaptionRecord r) {
    ByteBuffer line = ByteBuffer.wrap((r.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
    synchronized (out) {
      try {
        while (line.hasRemaining()) {
          out.write(line);
        }
        out.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the checkpoint", e);
      }
    }
  }

  /**
   * Cuts a checkpoint back to its last complete line, so that the next append starts a fresh line.
   *
   * @param file the checkpoint
   * @return the number of bytes removed
   * @throws IOException when the file cannot be read or truncated
   */
  static long truncateIncompleteTail(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      if (size == 0) {
        return 0;
      }
      // Scan backwards for the last '\n' in 8 KiB blocks.
      ByteBuffer buf = ByteBuffer.allocate(8192);
      long end = size;
      long keep = 0;
      outer:
      while (end > 0) {
        long start = Math.max(0, end - buf.capacity());
        buf.clear().limit((int) (end - start));
        ch.read(buf, start);
        for (int i = buf.limit() - 1; i >= 0; i--) {
          if (buf.get(i) == '\n') {
            keep = start + i + 1;
            break outer;
          }
        }
        end = start;
      }
      if (keep < size) {
        LOG.warn("{}: removing an incomplete last line of {} bytes (an interrupted append)", file,
            size - keep);
        ch.truncate(keep);
      }
      return size - keep;
    }
  }

  /** Builder of {@link BatchAnnotator}. */
  public static final class Builder {
    private AnnotationClient client;
    private Path checkpoint;
    private int concurrency = 4;
    private String prompt = AnnotationClient.PAPER_PROMPT;

    private Builder() {}

    /**
     * The captioning client. Required.
     *
     * @param client the client, thread-safe
     * @return this builder
     */
    public Builder client(AnnotationClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * The JSONL checkpoint, created when missing. Required.
     *
     * @param checkpoint the file
     * @return this builder
     */
    public Builder checkpoint(Path checkpoint) {
      this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
      return this;
    }

    /**
     * The most requests in flight at once. Default 4.
     *
     * @param concurrency at least 1
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency: must be >= 1, found " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * The prompt sent with every pair. Default {@link AnnotationClient#PAPER_PROMPT}.
     *
     * @param prompt the prompt
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /**
     * Builds the annotator.
     *
     * @return the annotator
     * @throws IllegalStateException when client or checkpoint is missing
     */
    public BatchAnnotator build() {
      if (client == null || checkpoint == null) {
        throw new IllegalStateException("BatchAnnotator.builder(): client and checkpoint are required");
      }
      return new BatchAnnotator(this);
    }
  }
}
