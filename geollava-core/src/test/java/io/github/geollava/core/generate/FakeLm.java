package io.github.geollava.core.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic stand-in for a causal LM whose next-token logits depend on the whole visible history,
 * so cache, no-cache and padded runs only agree if the generator feeds ids, masks and video correctly:
 * {@code logits(t) = A[id_t] + mean over visible j <= t of B[id_j] + videoTerm}, where padding (mask 0)
 * is invisible and {@code videoTerm = 0.1 * sum(pixels of the row)} on every position.
 */
final class FakeLm implements CausalLm<FakeLm.Cache> {

  final int vocab;
  private final float[][] a;
  private final float[][] b;
  private final NDManager manager;
  int calls;
  int cacheClosed;

  FakeLm(NDManager manager, int vocab, long seed) {
    this.manager = manager;
    this.vocab = vocab;
    Random rnd = new Random(seed);
    a = new float[vocab][vocab];
    b = new float[vocab][vocab];
    for (int i = 0; i < vocab; i++) {
      for (int j = 0; j < vocab; j++) {
        a[i][j] = (float) rnd.nextGaussian();
        b[i][j] = (float) rnd.nextGaussian() * 2f;
      }
    }
  }

  /** Per row: the visible ids seen so far and the video term. */
  final class Cache implements AutoCloseable {
    final List<List<Long>> visible = new ArrayList<>();
    float[] video;

    @Override
    public void close() {
      cacheClosed++;
    }
  }

  @Override
  public NDManager manager() {
    return manager;
  }

  @Override
  public Cache newCache() {
    return new Cache();
  }

  @Override
  public NDArray logits(NDArray inputIds, NDArray attentionMask, NDArray pixels, Cache cache) {
    calls++;
    long[] ids = inputIds.toLongArray();
    long[] mask = attentionMask.toLongArray();
    int bsz = (int) inputIds.getShape().get(0);
    int s = (int) inputIds.getShape().get(1);
    int total = (int) attentionMask.getShape().get(1);
    int past = total - s;
    float[] video = new float[bsz];
    if (pixels != null) {
      float[] px = pixels.toFloatArray();
      int per = px.length / bsz;
      for (int r = 0; r < bsz; r++) {
        for (int i = 0; i < per; i++) {
          video[r] += 0.1f * px[r * per + i];
        }
      }
    }
    if (cache != null) {
      if (cache.video == null) {
        cache.video = video;
        for (int r = 0; r < bsz; r++) {
          cache.visible.add(new ArrayList<>());
        }
      } else {
        if (pixels != null) {
          throw new IllegalStateException("pixels passed on a decode step");
        }
        video = cache.video;
      }
    } else if (past != 0) {
      throw new IllegalStateException("mask longer than ids without a cache");
    }
    float[] out = new float[bsz * s * vocab];
    for (int r = 0; r < bsz; r++) {
      List<Long> seen = cache != null ? cache.visible.get(r) : new ArrayList<>();
      for (int t = 0; t < s; t++) {
        long id = ids[r * s + t];
        if (mask[r * total + past + t] == 1) {
          seen.add(id);
        }
        for (int v = 0; v < vocab; v++) {
          float m = 0;
          for (long j : seen) {
            m += b[(int) j][v];
          }
          out[(r * s + t) * vocab + v] =
              a[(int) id][v] + (seen.isEmpty() ? 0 : m / seen.size()) + video[r];
        }
      }
    }
    return inputIds.getManager().create(out, new Shape(bsz, s, vocab));
  }
}
