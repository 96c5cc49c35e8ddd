package io.github.geollava.prune.select;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Magnitude selection over many tensors read one at a time from a {@link WeightSource}, per tensor
 * ({@link Scope#LAYER}) or across all of them ({@link Scope#GLOBAL}).
 *
 * <p>Memory: at most {@code parallelism} tensors (and their masks) are alive at once. Per layer each
 * tensor is read once. Global reads each tensor three times: the top-bits histogram of all tensors, the
 * low-bits histogram of the threshold bucket (kept per tensor, 128 KiB each, so the tie budget can be
 * split in tensor order before the masks are written in parallel), then the masks.
 *
 * @param scope per layer or global
 * @param sparsity the fraction to prune, in [0, 1]
 * @param parallelism how many tensors to process at once, at least 1
 */
public record StreamingSelector(Scope scope, double sparsity, int parallelism) {

  /** Validates the fields. */
  public StreamingSelector {
    if (scope == null) {
      throw new IllegalArgumentException("scope must not be null");
    }
    PruneCount.checkSparsity("sparsity", sparsity);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
  }

  /**
   * The outcome of a selection.
   *
   * @param parameters weights seen over all tensors
   * @param pruned weights pruned over all tensors
   * @param globalThreshold the global threshold, or {@link Threshold#none()} for per-layer scope
   */
  public record Result(long parameters, long pruned, Threshold globalThreshold) {}

  /**
   * Selects and hands each tensor's mask to the sink.
   *
   * @param source the tensors
   * @param sink receives each mask once
   * @return totals
   */
  public Result select(WeightSource source, MaskSink sink) {
    return scope == Scope.LAYER ? perLayer(source, sink) : global(source, sink);
  }

  private Result perLayer(WeightSource source, MaskSink sink) {
    AtomicLong params = new AtomicLong();
    AtomicLong pruned = new AtomicLong();
    forEach(source.tensorCount(), i -> {
      float[] w = source.weights(i);
      long k = PruneCount.of(sparsity, w.length);
      Threshold t = thresholdNamed(w, k, source.name(i));
      byte[] mask = new byte[w.length];
      MagnitudeSelector.applyThreshold(w, t, t.tiesToPrune(), mask);
      params.addAndGet(w.length);
      pruned.addAndGet(k);
      sink.accept(i, mask, k);
    });
    return new Result(params.get(), pruned.get(), Threshold.none());
  }

  private static Threshold thresholdNamed(float[] w, long k, String name) {
    try {
      return MagnitudeSelector.threshold(w, k);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tensor " + name + ": " + e.getMessage(), e);
    }
  }

  private Result global(WeightSource source, MaskSink sink) {
    int count = source.tensorCount();
    // Pass 1: the top-bits histogram over every tensor.
    long[] high = new long[MagnitudeSelector.HIGH_BUCKETS];
    long[] sizes = new long[count];
    forEach(count, i -> {
      float[] w = source.weights(i);
      int[] h = new int[MagnitudeSelector.HIGH_BUCKETS];
      MagnitudeSelector.highHistogram(w, h, "tensor " + source.name(i));
      sizes[i] = w.length;
      synchronized (high) {
        for (int b = 0; b < h.length; b++) {
          high[b] += h[b];
        }
      }
    });
    long n = 0;
    for (long s : sizes) {
      n += s;
    }
    long k = PruneCount.of(sparsity, n);
    if (k == 0) {
      forEach(count, i -> {
        byte[] mask = new byte[(int) sizes[i]];
        java.util.Arrays.fill(mask, (byte) 1);
        sink.accept(i, mask, 0);
      });
      return new Result(n, 0, Threshold.none());
    }
    MagnitudeSelector.Bucket bucket = MagnitudeSelector.findBucket(high, k);
    // Pass 2: the low-bits histogram of the threshold bucket, kept per tensor for the tie split.
    int[][] lows = new int[count][];
    forEach(count, i -> {
      int[] l = new int[MagnitudeSelector.LOW_BUCKETS];
      MagnitudeSelector.lowHistogram(source.weights(i), bucket.index(), l);
      lows[i] = l;
    });
    long[] low = new long[MagnitudeSelector.LOW_BUCKETS];
    for (int[] l : lows) {
      for (int b = 0; b < l.length; b++) {
        low[b] += l[b];
      }
    }
    Threshold t = MagnitudeSelector.resolve(bucket, low, k);
    // Split the tie budget in tensor order: earlier tensors prune their ties first.
    int tauLow = t.tauBits() & (MagnitudeSelector.LOW_BUCKETS - 1);
    long[] tieBudget = new long[count];
    long left = t.tiesToPrune();
    for (int i = 0; i < count; i++) {
      tieBudget[i] = Math.min(left, lows[i][tauLow]);
      left -= tieBudget[i];
      lows[i] = null;
    }
    // Pass 3: the masks.
    AtomicLong pruned = new AtomicLong();
    forEach(count, i -> {
      float[] w = source.weights(i);
      byte[] mask = new byte[w.length];
      MagnitudeSelector.applyThreshold(w, t, tieBudget[i], mask);
      long z = countZeros(mask);
      pruned.addAndGet(z);
      sink.accept(i, mask, z);
    });
    if (pruned.get() != k) {
      throw new IllegalStateException(
          "global selection pruned " + pruned.get() + " weights, expected " + k
              + " (a source returned different weights on different reads?)");
    }
    return new Result(n, k, t);
  }

  private static long countZeros(byte[] mask) {
    long z = 0;
    for (byte b : mask) {
      z += 1 - b;
    }
    return z;
  }

  private void forEach(int count, IntConsumer body) {
    if (parallelism == 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(parallelism);
    try {
      pool.submit(() -> IntStream.range(0, count).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("selection interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("selection failed: " + cause, cause);
    } finally {
      pool.shutdown();
    }
  }
}
