package io.github.geollava.dataset.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geollava.dataset.fmow.AtomicFiles;
import io.github.geollava.dataset.fmow.FmowImage;
import io.github.geollava.dataset.fmow.FmowScanner;
import io.github.geollava.dataset.fmow.ScanReport;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.pairs.PairPolicy;
import io.github.geollava.dataset.pairs.TemporalPair;
import io.github.geollava.dataset.pairs.TemporalPairBuilder;
import io.github.geollava.dataset.synth.SimulatedLocation.Acquisition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a synthetic mini-fMoW: procedural satellite-like scenes of fMoW categories that change
 * over time, in the fMoW layout, with GeoLLaVA-style change captions as LLaVA conversations.
 *
 * <p>Output under {@code outputDir}:
 * <ul>
 *   <li>{@code train/} and {@code val/}: the fMoW tree
 *       {@code <split>/<category>/<category>_<loc>/<category>_<loc>_<n>_rgb.jpg} + {@code _rgb.json};
 *       locations are split, never shared, between train and test ({@code val/} holds the test
 *       locations, under the name fMoW uses for its held-out split);</li>
 *   <li>{@code annotations/train.json}, {@code annotations/test.json}: LLaVA conversations for the
 *       temporal pairs the real {@link TemporalPairBuilder} makes (365 days, chained), video field
 *       {@link TemporalPair#videoName()};</li>
 *   <li>{@code annotations/scenes.json} and {@code annotations/scenes_test.json}: single-image
 *       descriptions of train and test images;</li>
 *   <li>{@code annotations/pairs_events.jsonl}: per pair the true {@link ChangeEvent}s, image paths
 *       and caption, for change-event accuracy;</li>
 *   <li>{@code contact_sheet.png}: a few pairs with their captions;</li>
 *   <li>{@code synth_manifest.json}: provenance (generator version, seed, options, counts).</li>
 * </ul>
 *
 * <p>Deterministic: the same options give byte-identical files (the contact sheet excepted, since it
 * draws text with the platform's fonts), whatever the thread count.
 *
 * <pre>{@code
 * SynthSummary s = SyntheticFmow.builder().locations(500).imageSize(224).seed(7)
 *     .outputDir(Path.of("mini-fmow")).build().generate();
 * }</pre>
 */
public final class SyntheticFmow {
  private static final Logger LOG = LoggerFactory.getLogger(SyntheticFmow.class);

  /** Version of the generator; bump when the output for a given seed changes. */
  public static final String GENERATOR_VERSION = "1";

  /** fMoW split folder of the train locations. */
  public static final String TRAIN_SPLIT = "train";

  /** fMoW split folder of the test locations. */
  public static final String TEST_SPLIT = "val";

  static final List<String> SCENE_PROMPTS = List.of(
      "Describe this satellite image in detail.",
      "Provide a detailed description of the satellite image.",
      "What does this satellite image show? Describe it thoroughly.",
      "Give a detailed account of the scene in this satellite image.");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Options options;

  /**
   * The generator's options.
   *
   * @param outputDir where to write
   * @param locations number of locations, at least 2
   * @param imageSize image width and height in pixels, 64 to 1024
   * @param seed the seed; the same seed gives the same files
   * @param testFraction share of locations in the test split, in (0, 1)
   * @param jpegQuality JPEG quality in (0, 1]
   * @param threads worker threads for rendering, at least 1
   * @param contactSheetPairs pairs drawn on the contact sheet, 0 for none
   */
  public record Options(Path outputDir, int locations, int imageSize, long seed,
      double testFraction, float jpegQuality, int threads, int contactSheetPairs) {

    /** Validates every option; messages name the option and the value. */
    public Options {
      if (outputDir == null) {
        throw new IllegalArgumentException("outputDir: required");
      }
      if (locations < 2) {
        throw new IllegalArgumentException("locations: must be >= 2, found " + locations);
      }
      if (imageSize < 64 || imageSize > 1024) {
        throw new IllegalArgumentException("imageSize: must be in [64, 1024], found " + imageSize);
      }
      if (!(testFraction > 0 && testFraction < 1)) {
        throw new IllegalArgumentException("testFraction: must be in (0, 1), found " + testFraction);
      }
      if (!(jpegQuality > 0 && jpegQuality <= 1)) {
        throw new IllegalArgumentException("jpegQuality: must be in (0, 1], found " + jpegQuality);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads: must be >= 1, found " + threads);
      }
      if (contactSheetPairs < 0) {
        throw new IllegalArgumentException(
            "contactSheetPairs: must be >= 0, found " + contactSheetPairs);
      }
    }
  }

  private SyntheticFmow(Options options) {
    this.options = options;
  }

  /**
   * A builder with defaults: 100 locations, 224 px, seed 7, 20 % test, JPEG quality 0.9, one thread
   * per processor, 8 pairs on the contact sheet.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The options in force.
   *
   * @return the options
   */
  public Options options() {
    return options;
  }

  /** Rendered files and per-image facts of one location. */
  private record Written(SimulatedLocation location, String split, int[] cloudPercent) {}

  /**
   * Writes the whole dataset.
   *
   * @return what was written
   * @throws IOException when a file cannot be written or the tree cannot be read back
   */
  public SynthSummary generate() throws IOException {
    long t0 = System.nanoTime();
    Path root = options.outputDir();
    int n = options.locations();
    boolean[] test = testLocations(n, options.testFraction(), options.seed());
    int categories = SynthCategory.values().length;

    // Render and write every location; tasks are independent, results gathered in index order.
    List<Written> written = new ArrayList<>(n);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "synth-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Written>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = i;
        String split = test[i] ? TEST_SPLIT : TRAIN_SPLIT;
        futures.add(pool.submit(() -> {
          SimulatedLocation loc = SimulatedLocation.simulate(options.seed(), index,
              index / categories);
          return new Written(loc, split, LocationWriter.write(root, split, loc,
              options.imageSize(), options.jpegQuality()));
        }));
      }
      for (Future<Written> f : futures) {
        written.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while rendering " + root, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException uio) {
        throw uio.getCause();
      }
      throw new IllegalStateException("rendering failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }

    // Index acquisitions by image stem, to map the pair builder's images back to scene states.
    Map<String, Written> byLocation = new TreeMap<>();
    int images = 0;
    for (Written w : written) {
      byLocation.put(w.location().profile().locationName(), w);
      images += w.location().acquisitions().size();
    }

    TemporalPairBuilder pairer = TemporalPairBuilder.builder().minGap(Duration.ofDays(365))
        .policy(PairPolicy.CHAINED).build();
    Path ann = root.resolve("annotations");
    Map<ChangeEvent, Integer> eventCounts = new EnumMap<>(ChangeEvent.class);
    List<PairRecord> all = new ArrayList<>();
    long skipped = 0;
    int[] pairCounts = new int[2];
    for (int s = 0; s < 2; s++) {
      String split = s == 0 ? TRAIN_SPLIT : TEST_SPLIT;
      List<FmowImage> scanned = new ArrayList<>();
      ScanReport report = FmowScanner.builder().root(root).split(split).build().scan(scanned::add);
      skipped += report.skipped();
      if (report.skipped() > 0) {
        LOG.warn("fMoW scanner skipped {} entries of {} in split {}", report.skipped(), root, split);
      }
      List<LlavaConversation> records = new ArrayList<>();
      for (TemporalPair pair : pairer.pair(scanned)) {
        Written w = byLocation.get(pair.locationId());
        if (w == null) {
          throw new IllegalStateException("pair " + pair.id() + " names location "
              + pair.locationId() + " that this run did not write (stale files in " + root + "?)");
        }
        PairRecord rec = PairRecord.of(pair, w.location(), w.cloudPercent(), options.seed(), split);
        records.add(LlavaConversation.of(pair, rec.caption(), options.seed()));
        all.add(rec);
        for (ChangeEvent e : rec.events()) {
          eventCounts.merge(e, 1, Integer::sum);
        }
      }
      pairCounts[s] = records.size();
      LlavaAnnotations.write(ann.resolve(s == 0 ? "train.json" : "test.json"),
          LlavaAnnotations.Format.JSON, records);
    }
    int scenes = writeScenes(ann, written);
    writeEvents(ann.resolve("pairs_events.jsonl"), all);
    Path sheet = root.resolve("contact_sheet.png");
    if (options.contactSheetPairs() > 0) {
      ContactSheet.write(sheet, root, all, options.contactSheetPairs(), options.imageSize());
    }
    int testCount = 0;
    for (boolean b : test) {
      testCount += b ? 1 : 0;
    }
    writeManifest(root.resolve("synth_manifest.json"), images, pairCounts, eventCounts);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    SynthSummary summary = new SynthSummary(root, n, n - testCount, testCount, images,
        pairCounts[0], pairCounts[1], scenes, skipped, eventCounts, ann.resolve("train.json"),
        ann.resolve("test.json"), ann.resolve("scenes.json"), ann.resolve("pairs_events.jsonl"),
        options.contactSheetPairs() > 0 ? sheet : null, millis);
    LOG.info("synthetic fMoW: {} locations, {} images, {} + {} pairs in {} ms at {}", n, images,
        pairCounts[0], pairCounts[1], millis, root);
    return summary;
  }

  /** Exactly round(n * fraction) test locations (at least one, never all), chosen by the seed. */
  static boolean[] testLocations(int n, double fraction, long seed) {
    int k = (int) Math.max(1, Math.min(n - 1, Math.round(n * fraction)));
    Integer[] order = new Integer[n];
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      keys[i] = SplitMix.of(seed, i, 9).nextLong();
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    boolean[] test = new boolean[n];
    for (int i = 0; i < k; i++) {
      test[order[i]] = true;
    }
    return test;
  }

  private int writeScenes(Path ann, List<Written> written) throws IOException {
    List<LlavaConversation> train = new ArrayList<>();
    List<LlavaConversation> test = new ArrayList<>();
    for (Written w : written) {
      SimulatedLocation loc = w.location();
      for (Acquisition a : loc.acquisitions()) {
        String stem = LocationWriter.stem(loc, a);
        String caption = CaptionWriter.sceneDescription(loc.profile(), loc.plan(), a.state(),
            a.nuisance(), w.cloudPercent()[a.order()],
            SplitMix.of(options.seed(), loc.profile().index(), 10, a.order()));
        String prompt = SCENE_PROMPTS.get(SplitMix.of(options.seed(), loc.profile().index(), 11,
            a.order()).nextInt(SCENE_PROMPTS.size()));
        String video = w.split() + "/" + LocationWriter.relativeDir(loc) + "/" + stem + "_rgb.jpg";
        (w.split().equals(TRAIN_SPLIT) ? train : test).add(
            LlavaConversation.withPrompt(stem, video, prompt, caption));
      }
    }
    LlavaAnnotations.write(ann.resolve("scenes.json"), LlavaAnnotations.Format.JSON, train);
    LlavaAnnotations.write(ann.resolve("scenes_test.json"), LlavaAnnotations.Format.JSON, test);
    return train.size();
  }

  private static void writeEvents(Path file, List<PairRecord> records) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (PairRecord r : records) {
      sb.append(MAPPER.writeValueAsString(r.toJson(MAPPER))).append('\n');
    }
    AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void writeManifest(Path file, int images, int[] pairs, Map<ChangeEvent, Integer> events)
      throws IOException {
    ObjectNode m = MAPPER.createObjectNode();
    m.put("generator", "io.github.geollava.dataset.synth.SyntheticFmow");
    m.put("generator_version", GENERATOR_VERSION);
    m.put("seed", options.seed());
    m.put("locations", options.locations());
    m.put("image_size", options.imageSize());
    m.put("test_fraction", options.testFraction());
    m.put("jpeg_quality", options.jpegQuality());
    m.put("train_split", TRAIN_SPLIT);
    m.put("test_split", TEST_SPLIT);
    m.put("min_gap_days", 365);
    m.put("pair_policy", "chained");
    m.put("images", images);
    m.put("train_pairs", pairs[0]);
    m.put("test_pairs", pairs[1]);
    ObjectNode ev = m.putObject("event_counts");
    for (ChangeEvent e : ChangeEvent.values()) {
      ev.put(e.jsonName(), events.getOrDefault(e, 0));
    }
    ArrayNode cats = m.putArray("categories");
    for (SynthCategory c : SynthCategory.values()) {
      cats.add(c.fmowName());
    }
    AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
  }

  /** Fluent options; {@link #outputDir(Path)} is required. */
  public static final class Builder {
    private Path outputDir;
    private int locations = 100;
    private int imageSize = 224;
    private long seed = 7;
    private double testFraction = 0.2;
    private float jpegQuality = 0.9f;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int contactSheetPairs = 8;

    private Builder() {}

    /**
     * Sets the output folder (required).
     *
     * @param dir the folder; created when missing
     * @return this builder
     */
    public Builder outputDir(Path dir) {
      this.outputDir = dir;
      return this;
    }

    /**
     * Sets the number of locations (default 100); categories cycle over the locations.
     *
     * @param n at least 2
     * @return this builder
     */
    public Builder locations(int n) {
      this.locations = n;
      return this;
    }

    /**
     * Sets the image size in pixels (default 224).
     *
     * @param px width and height, 64 to 1024
     * @return this builder
     */
    public Builder imageSize(int px) {
      this.imageSize = px;
      return this;
    }

    /**
     * Sets the seed (default 7).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the share of test locations (default 0.2).
     *
     * @param fraction in (0, 1)
     * @return this builder
     */
    public Builder testFraction(double fraction) {
      this.testFraction = fraction;
      return this;
    }

    /**
     * Sets the JPEG quality (default 0.9).
     *
     * @param quality in (0, 1]
     * @return this builder
     */
    public Builder jpegQuality(float quality) {
      this.jpegQuality = quality;
      return this;
    }

    /**
     * Sets the number of rendering threads (default: one per processor); output does not depend on
     * it.
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Sets how many pairs the contact sheet shows (default 8; 0 writes no sheet).
     *
     * @param pairs at least 0
     * @return this builder
     */
    public Builder contactSheetPairs(int pairs) {
      this.contactSheetPairs = pairs;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the generator
     * @throws IllegalArgumentException naming the first invalid option
     */
    public SyntheticFmow build() {
      return new SyntheticFmow(new Options(outputDir, locations, imageSize, seed, testFraction,
          jpegQuality, threads, contactSheetPairs));
    }
  }
}
