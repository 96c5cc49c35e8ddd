package io.github.geollava.core.train;

import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.video.PixelValues;
import io.github.geollava.core.video.VideoFrames;
import io.github.geollava.core.video.VideoProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decoded, resized and normalised frames of videos, kept in memory up to a byte budget so that epochs
 * after the first (and other runs sharing the cache) skip the JPEG or H.264 decoding. Beyond the budget,
 * videos are decoded on every use. Thread-safe.
 */
public final class PixelCache {

  private final VideoProcessor processor;
  private final long maxBytes;
  private final ConcurrentHashMap<Path, PixelValues> cache = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  /**
   * Creates a cache.
   *
   * @param config the image processor (size, crop, normalisation)
   * @param maxBytes the most bytes of float pixels kept, at least 0
   */
  public PixelCache(PreprocessorConfig config, long maxBytes) {
    this.processor = VideoProcessor.of(Objects.requireNonNull(config, "config"));
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, found " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The image processor's config. */
  public PreprocessorConfig config() {
    return processor.config();
  }

  /**
   * The pixel values of a video, all its frames.
   *
   * @param video an mp4, a folder of frames or an image
   * @return (F, 3, H, W) values
   * @throws IOException naming the file that is missing or cannot be decoded
   */
  public PixelValues get(Path video) throws IOException {
    Path key = video.toAbsolutePath().normalize();
    PixelValues hit = cache.get(key);
    if (hit != null) {
      return hit;
    }
    PixelValues v = processor.pixelValues(VideoFrames.read(key, 0));
    long size = 4L * v.data().length;
    if (bytes.addAndGet(size) <= maxBytes) {
      PixelValues prev = cache.putIfAbsent(key, v);
      if (prev != null) {
        bytes.addAndGet(-size);
        return prev;
      }
    } else {
      bytes.addAndGet(-size);
    }
    return v;
  }

  /**
   * Decodes videos ahead of use on several threads.
   *
   * @param videos the videos
   * @param threads worker threads, at least 1
   * @throws IOException the first failure, naming its file
   */
  public void preload(Collection<Path> videos, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, found " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "geollava-pixels");
      t.setDaemon(true);
      return t;
    });
    try {
      java.util.List<Future<PixelValues>> jobs = new java.util.ArrayList<>();
      for (Path p : videos) {
        jobs.add(pool.submit(() -> get(p)));
      }
      for (Future<PixelValues> f : jobs) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof IOException io) {
            throw io;
          }
          if (c instanceof UncheckedIOException u) {
            throw u.getCause();
          }
          if (c instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException("decoding failed: " + c, c);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while decoding videos", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Bytes of pixels held. */
  public long bytes() {
    return Math.min(bytes.get(), maxBytes);
  }

  /** Videos held. */
  public int size() {
    return cache.size();
  }
}
