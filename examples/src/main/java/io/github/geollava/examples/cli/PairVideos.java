package io.github.geollava.examples.cli;

import io.github.geollava.core.image.ImageLoader;
import io.github.geollava.core.image.ResampleFilter;
import io.github.geollava.core.image.Resampler;
import io.github.geollava.core.image.RgbImage;
import io.github.geollava.core.video.Mp4Video;
import io.github.geollava.dataset.pairs.TemporalPair;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes temporal pairs as the dataset's two-frame videos ({@code pairs --videos}): one H.264 mp4 at
 * 1 fps per pair, named {@link TemporalPair#videoName()}, the same string the LLaVA annotations carry
 * in {@code "video"}, so {@code eval} and {@code finetune} find each pair's video by its annotation.
 *
 * <p>Each file is written atomically ({@link Mp4Video#write}: a temporary file, then a rename), so a
 * file that exists is complete and is skipped: an interrupted run resumes where it stopped. fMoW images
 * of one location can differ in size; an mp4 cannot, so the later image is resized (bicubic) to the
 * earlier one's size and counted.
 */
final class PairVideos {

  private static final Logger LOG = LoggerFactory.getLogger(PairVideos.class);

  /** Frames per second of the written videos: one image per second, as the authors' videos. */
  static final int FPS = 1;

  /**
   * What a run did.
   *
   * @param written videos encoded now
   * @param skipped videos that already existed
   * @param resized of the written ones, how many had their second image resized
   * @param seconds wall time
   */
  record Summary(int written, int skipped, int resized, double seconds) {}

  private PairVideos() {}

  /**
   * Writes the videos of {@code pairs} into {@code dir}, with a progress bar on {@code err}.
   *
   * @param pairs the pairs
   * @param dir the videos folder (created if needed)
   * @param threads encoding threads
   * @param err where the progress bar is drawn
   * @return counts and time
   * @throws IOException naming the image or video that could not be read or written
   */
  static Summary writeAll(List<TemporalPair> pairs, Path dir, int threads, PrintWriter err)
      throws IOException {
    Files.createDirectories(dir);
    long start = System.nanoTime();
    AtomicInteger written = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    AtomicInteger resized = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, pairs.size())));
    try (ProgressBar bar = bar(err, pairs.size())) {
      List<Future<?>> jobs = new ArrayList<>(pairs.size());
      for (TemporalPair p : pairs) {
        jobs.add(pool.submit(() -> {
          Path target = dir.resolve(p.videoName());
          if (Files.exists(target)) {
            skipped.incrementAndGet();
          } else {
            if (write(p, target)) {
              resized.incrementAndGet();
            }
            written.incrementAndGet();
          }
          bar.step();
          return null;
        }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException("writing videos failed: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing videos into " + dir, e);
    } finally {
      pool.shutdownNow();
      err.println();
      err.flush();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    LOG.info("{} videos written, {} skipped, into {} in {} s ({} ms per written pair)", written.get(),
        skipped.get(), dir, String.format("%.2f", seconds),
        written.get() == 0 ? "-" : String.format("%.1f", 1000 * seconds / written.get()));
    return new Summary(written.get(), skipped.get(), resized.get(), seconds);
  }

  /** Encodes one pair; true if the second image had to be resized. */
  static boolean write(TemporalPair p, Path target) throws IOException {
    BufferedImage first = ImageLoader.read(p.first().imagePath());
    BufferedImage second = ImageLoader.read(p.second().imagePath());
    boolean resize = first.getWidth() != second.getWidth() || first.getHeight() != second.getHeight();
    if (resize) {
      second = Resampler.resize(RgbImage.from(second), first.getWidth(), first.getHeight(),
          ResampleFilter.BICUBIC).toBufferedImage();
    }
    Mp4Video.write(target, List.of(first, second), FPS);
    return resize;
  }

  private static ProgressBar bar(PrintWriter err, long total) {
    return ProgressBars.start(err, "videos", total);
  }
}
