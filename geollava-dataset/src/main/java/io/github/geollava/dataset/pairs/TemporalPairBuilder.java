package io.github.geollava.dataset.pairs;

import io.github.geollava.dataset.fmow.FmowImage;
import io.github.geollava.dataset.fmow.FmowLocation;
import io.github.geollava.dataset.fmow.FmowScanner;
import io.github.geollava.dataset.fmow.ScanReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds temporal pairs as GeoLLaVA does. Per location: drop images whose file is larger than
 * {@code maxBytes} (default 1,000,000 bytes, the paper's 1 MB filter; bad entries were already
 * dropped by the scanner), order by (timestamp, file name), then apply the {@link PairPolicy} under
 * the {@link MinGap} (default 365 days, inclusive).
 *
 * <p>Cap: with {@code limit(n)}, exactly {@code min(n, candidates)} pairs are kept by bottom-k
 * sampling: each pair gets the key {@link SeededHash#of(long, String)}{@code (seed, videoName)} and
 * the n smallest keys win. The sample therefore depends only on (seed, the set of candidate pairs),
 * never on scan order, thread timing or the JVM, and it is nested: with one seed, the 10,000-pair
 * few-shot subset is contained in the 100,000-pair sample. Memory for the cap is O(n).
 *
 * <pre>{@code
 * TemporalPairBuilder pairs = TemporalPairBuilder.builder()
 *     .minGap(Duration.ofDays(365)).policy(PairPolicy.CHAINED).limit(100_000).seed(42).build();
 * List<TemporalPair> list = pairs.pair(images);
 * }</pre>
 */
public final class TemporalPairBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(TemporalPairBuilder.class);

  /** The paper's size filter: images of more than 1 MB are dropped. */
  public static final long DEFAULT_MAX_BYTES = 1_000_000L;

  /** Ordering inside a location: timestamp, then file name (the {@code <n>} is not temporal). */
  public static final Comparator<FmowImage> TIME_ORDER =
      Comparator.comparing(FmowImage::timestamp).thenComparing(FmowImage::fileName);

  private final MinGap minGap;
  private final String minGapText;
  private final PairPolicy policy;
  private final long maxBytes;
  private final int limit;
  private final long seed;

  private TemporalPairBuilder(Builder b) {
    this.minGap = b.minGap;
    this.minGapText = b.minGapText;
    this.policy = b.policy;
    this.maxBytes = b.maxBytes;
    this.limit = b.limit;
    this.seed = b.seed;
  }

  /**
   * A builder with the paper's defaults: 365 days, {@link PairPolicy#CHAINED}, 1,000,000 bytes, no
   * cap, seed 0.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Pairs the images of one location, without the cap.
   *
   * @param images images of a single location, any order
   * @return the pairs in time order
   */
  public List<TemporalPair> pairLocation(Collection<FmowImage> images) {
    return pairLocation(images, new long[2]);
  }

  private List<TemporalPair> pairLocation(Collection<FmowImage> images, long[] counts) {
    List<FmowImage> usable = new ArrayList<>(images.size());
    for (FmowImage img : images) {
      if (img.fileBytes() > maxBytes) {
        counts[0]++;
        LOG.debug("dropped {}: {} bytes > maxBytes {}", img.imagePath(), img.fileBytes(), maxBytes);
      } else {
        usable.add(img);
      }
    }
    counts[1] += usable.size();
    usable.sort(TIME_ORDER);
    return policy.pair(usable, minGap);
  }

  /**
   * Pairs any images (grouped by split, category and location), applies the cap, and returns the
   * pairs in {@link TemporalPair#ORDER}.
   *
   * @param images the images
   * @return the pairs
   */
  public List<TemporalPair> pair(Collection<FmowImage> images) {
    List<TemporalPair> out = new ArrayList<>();
    run(FmowLocation.group(images), out::add, null);
    return out;
  }

  /**
   * Scans and pairs in one streaming pass: memory stays bounded by one location plus the cap. Without
   * a cap, pairs reach {@code sink} as each location is done (scan order is sorted, so the output is
   * in {@link TemporalPair#ORDER}); with a cap they arrive at the end, sorted the same way.
   *
   * @param scanner the scanner
   * @param sink receives the pairs
   * @return the report, including the scan report
   * @throws IOException when the scanner cannot list its root or split
   */
  public PairingReport pairAll(FmowScanner scanner, Consumer<TemporalPair> sink)
      throws IOException {
    Objects.requireNonNull(scanner, "scanner");
    Runner runner = new Runner(sink);
    ScanReport scan = scanner.scanLocations(runner::location);
    return runner.finish(scan);
  }

  private PairingReport run(Iterable<FmowLocation> locations, Consumer<TemporalPair> sink,
      ScanReport scan) {
    Runner runner = new Runner(sink);
    locations.forEach(runner::location);
    return runner.finish(scan);
  }

  /** One pairing run: counters plus, under a cap, the bottom-k heap. */
  private final class Runner {
    private final Consumer<TemporalPair> sink;
    private final PriorityQueue<Keyed> heap;
    private final long[] counts = new long[2];
    private long locations;
    private long candidates;

    Runner(Consumer<TemporalPair> sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      // Max-heap on (key, id): the root is the worst of the kept pairs, evicted first.
      this.heap = limit < 0 ? null : new PriorityQueue<>(Math.min(limit, 1 << 16) + 1,
          Comparator.comparing((Keyed k) -> k).reversed());
    }

    void location(FmowLocation loc) {
      locations++;
      List<TemporalPair> pairs = pairLocation(loc.images(), counts);
      candidates += pairs.size();
      if (heap == null) {
        // Locations arrive in sorted order from a scan; from group() too. Emit straight away.
        pairs.forEach(sink);
        return;
      }
      for (TemporalPair p : pairs) {
        Keyed k = new Keyed(SeededHash.of(seed, p.videoName()), p);
        if (heap.size() < limit) {
          heap.add(k);
        } else if (k.compareTo(heap.peek()) < 0) {
          heap.poll();
          heap.add(k);
        }
      }
    }

    PairingReport finish(ScanReport scan) {
      long delivered;
      if (heap == null) {
        delivered = candidates;
      } else {
        List<TemporalPair> kept = new ArrayList<>(heap.size());
        heap.forEach(k -> kept.add(k.pair));
        kept.sort(TemporalPair.ORDER);
        kept.forEach(sink);
        delivered = kept.size();
      }
      LOG.info("paired {} locations with {} (min gap {}): {} candidate pairs, {} delivered,"
              + " {} oversize images dropped", locations, policy, minGapText, candidates, delivered,
          counts[0]);
      return new PairingReport(scan, policy.toString(), minGapText, maxBytes, limit, seed,
          locations, counts[0], counts[1], candidates, delivered);
    }
  }

  /** A pair with its sampling key; ordered by unsigned key, then id so equal keys stay total. */
  private static final class Keyed implements Comparable<Keyed> {
    final long key;
    final TemporalPair pair;

    Keyed(long key, TemporalPair pair) {
      this.key = key;
      this.pair = pair;
    }

    @Override
    public int compareTo(Keyed o) {
      int c = Long.compareUnsigned(key, o.key);
      if (c != 0) {
        return c;
      }
      c = pair.first().split().compareTo(o.pair.first().split());
      return c != 0 ? c : pair.videoName().compareTo(o.pair.videoName());
    }
  }

  /** Builder of {@link TemporalPairBuilder}; every option has the paper's default. */
  public static final class Builder {
    private MinGap minGap = MinGap.DEFAULT;
    private String minGapText = "P365D";
    private PairPolicy policy = PairPolicy.CHAINED;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int limit = -1;
    private long seed;

    private Builder() {}

    /**
     * A fixed-length minimum gap (inclusive). Default 365 days. Replaces any earlier gap.
     *
     * @param gap a non-negative duration
     * @return this builder
     */
    public Builder minGap(Duration gap) {
      this.minGap = MinGap.of(gap);
      this.minGapText = durationText(gap);
      return this;
    }

    /** {@code P365D} rather than {@code PT8760H} when the gap is whole days: what users typed. */
    private static String durationText(Duration gap) {
      return gap.toSeconds() % 86_400 == 0 && gap.toNanosPart() == 0
          ? "P" + gap.toDays() + "D" : gap.toString();
    }

    /**
     * A calendar minimum gap in UTC (inclusive), e.g. {@code Period.ofMonths(12)}. Replaces any earlier
     * gap.
     *
     * @param gap a non-negative period
     * @return this builder
     */
    public Builder minGap(Period gap) {
      this.minGap = MinGap.of(gap);
      this.minGapText = gap.toString();
      return this;
    }

    /**
     * The pairing policy. Default {@link PairPolicy#CHAINED}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(PairPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Images whose file is larger than this are dropped (a file of exactly {@code maxBytes} is
     * kept). Default 1,000,000.
     *
     * @param maxBytes a positive size in bytes
     * @return this builder
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes <= 0) {
        throw new IllegalArgumentException("maxBytes: must be > 0, found " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Caps the number of pairs by seeded sampling (see the class comment). Default: no cap.
     *
     * @param limit the maximum number of pairs, at least 1
     * @return this builder
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit: must be >= 1, found " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * The seed of the cap's sampling. Default 0.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Builds the pair builder.
     *
     * @return the configured pair builder
     */
    public TemporalPairBuilder build() {
      return new TemporalPairBuilder(this);
    }
  }
}
