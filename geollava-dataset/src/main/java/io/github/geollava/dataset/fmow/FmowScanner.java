package io.github.geollava.dataset.fmow;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the images of an fMoW folder laid out as
 * {@code <root>/<split>/<category>/<category>_<loc>/<category>_<loc>_<n>_rgb.json} (+ {@code .jpg}).
 *
 * <p>The walk is folder by folder in sorted name order, so results are deterministic, and memory is
 * bounded by one folder listing plus one location's images, never the whole archive. Image files are
 * only stat-ed (for their size), never read. {@code _msrgb} siblings are ignored and counted. A bad
 * entry (invalid JSON, no or unparsable timestamp, missing image) is skipped, counted, logged at WARN
 * with its reason and listed in the {@link ScanReport}; it never aborts the scan.
 *
 * <pre>{@code
 * FmowScanner scanner = FmowScanner.builder().root(Path.of("fmow")).split("train").build();
 * ScanReport report = scanner.scanLocations(loc -> System.out.println(loc.locationId()));
 * }</pre>
 */
public final class FmowScanner {

  private static final Logger LOG = LoggerFactory.getLogger(FmowScanner.class);
  private static final String RGB_JSON = "_rgb.json";
  private static final Pattern SPLIT_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** The splits that {@code split("all")} scans, in this order, when present. */
  public static final List<String> ALL_SPLITS = List.of("train", "val");

  private final Path root;
  private final String split;
  private final int maxListedSkips;

  private FmowScanner(Builder b) {
    this.root = b.root;
    this.split = b.split;
    this.maxListedSkips = b.maxListedSkips;
  }

  /**
   * A new builder; {@link Builder#root(Path)} is required, the split defaults to {@code train}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The root folder.
   *
   * @return the root given to the builder
   */
  public Path root() {
    return root;
  }

  /**
   * The split to scan.
   *
   * @return {@code train}, {@code val}, {@code all} or another split folder name
   */
  public String split() {
    return split;
  }

  /**
   * Scans image by image.
   *
   * @param sink receives every usable image, in scan order
   * @return the report
   * @throws IOException when the root or the split folder cannot be listed (single entries never
   *     throw: they are skipped and reported)
   */
  public ScanReport scan(Consumer<FmowImage> sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    return scanLocations(loc -> loc.images().forEach(sink));
  }

  /**
   * Scans location by location: the convenience that groups images by location without holding more
   * than one location in memory.
   *
   * @param sink receives each location that has at least one usable image, in scan order
   * @return the report
   * @throws IOException when the root or the split folder cannot be listed
   */
  public ScanReport scanLocations(Consumer<FmowLocation> sink) throws IOException {
    Objects.requireNonNull(sink, "sink");
    if (!Files.isDirectory(root)) {
      throw new NoSuchFileException(root.toString(), null, "fMoW root is not a folder");
    }
    List<String> splits = resolveSplits();
    Tally tally = new Tally();
    for (String s : splits) {
      Path splitDir = root.resolve(s);
      for (String category : sortedNames(splitDir, tally)) {
        Path catDir = splitDir.resolve(category);
        if (!Files.isDirectory(catDir)) {
          continue;
        }
        tally.categories++;
        for (String location : sortedNames(catDir, tally)) {
          Path locDir = catDir.resolve(location);
          if (!Files.isDirectory(locDir)) {
            continue;
          }
          tally.locations++;
          List<FmowImage> images = scanLocation(s, category, location, locDir, tally);
          if (!images.isEmpty()) {
            tally.images += images.size();
            sink.accept(new FmowLocation(s, category, location, images));
          }
        }
      }
    }
    ScanReport report =
        new ScanReport(
            root.toString(),
            splits,
            tally.categories,
            tally.locations,
            tally.metadataFiles,
            tally.images,
            tally.msrgb,
            tally.skipped,
            tally.byReason,
            tally.listed);
    LOG.info(
        "scanned {} split(s) {} under {}: {} locations, {} images, {} skipped, {} _msrgb ignored",
        splits.size(), splits, root, report.locations(), report.images(), report.skipped(),
        report.ignoredMsrgb());
    return report;
  }

  private List<String> resolveSplits() throws IOException {
    if (!"all".equals(split)) {
      if (!Files.isDirectory(root.resolve(split))) {
        throw new NoSuchFileException(
            root.resolve(split).toString(), null, "split folder '" + split + "' not found");
      }
      return List.of(split);
    }
    List<String> present = new ArrayList<>();
    for (String s : ALL_SPLITS) {
      if (Files.isDirectory(root.resolve(s))) {
        present.add(s);
      }
    }
    if (present.isEmpty()) {
      throw new NoSuchFileException(
          root.toString(), null, "split 'all' needs a train or val folder, found neither");
    }
    return present;
  }

  private List<FmowImage> scanLocation(
      String s, String category, String location, Path locDir, Tally tally) {
    List<FmowImage> images = new ArrayList<>();
    for (String name : sortedNames(locDir, tally)) {
      if (name.endsWith(RGB_JSON)) {
        FmowImage img = readEntry(s, category, location, locDir, name, tally);
        if (img != null) {
          images.add(img);
        }
      } else if (name.contains("_msrgb.")) {
        tally.msrgb++;
      }
    }
    return images;
  }

  private FmowImage readEntry(
      String s, String category, String location, Path locDir, String name, Tally tally) {
    tally.metadataFiles++;
    Path json = locDir.resolve(name);
    Path jpg = locDir.resolve(name.substring(0, name.length() - 5) + ".jpg");
    FmowMetadata meta;
    try {
      meta = FmowMetadata.read(json);
    } catch (FmowFormatException e) {
      tally.skip(json, reasonOf(e), e.getMessage(), maxListedSkips);
      return null;
    } catch (IOException e) {
      tally.skip(json, SkipReason.UNREADABLE, json + ": " + e, maxListedSkips);
      return null;
    }
    long size;
    try {
      size = Files.readAttributes(jpg, BasicFileAttributes.class).size();
    } catch (NoSuchFileException e) {
      tally.skip(json, SkipReason.MISSING_IMAGE, "image " + jpg + " does not exist", maxListedSkips);
      return null;
    } catch (IOException e) {
      tally.skip(json, SkipReason.UNREADABLE, "image " + jpg + ": " + e, maxListedSkips);
      return null;
    }
    Instant ts = meta.instant();
    return new FmowImage(s, category, location, jpg, json, ts, size, meta);
  }

  private static SkipReason reasonOf(FmowFormatException e) {
    switch (e.problem()) {
      case SYNTAX:
        return SkipReason.INVALID_JSON;
      case MISSING_FIELD:
        return "timestamp".equals(e.field()) ? SkipReason.MISSING_TIMESTAMP : SkipReason.INVALID_FIELD;
      default:
        return "timestamp".equals(e.field()) ? SkipReason.INVALID_TIMESTAMP : SkipReason.INVALID_FIELD;
    }
  }

  private List<String> sortedNames(Path dir, Tally tally) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      tally.skip(dir, SkipReason.UNREADABLE, "cannot list folder " + dir + ": " + e, maxListedSkips);
      return List.of();
    }
    // Directory order is file-system dependent; sorting makes scans identical across machines.
    Collections.sort(names);
    return names;
  }

  /** Mutable counters of one scan; never shared between scans. */
  private static final class Tally {
    long categories;
    long locations;
    long metadataFiles;
    long images;
    long msrgb;
    long skipped;
    final Map<SkipReason, Long> byReason = new EnumMap<>(SkipReason.class);
    final List<SkippedEntry> listed = new ArrayList<>();

    void skip(Path path, SkipReason reason, String detail, int maxListed) {
      skipped++;
      byReason.merge(reason, 1L, Long::sum);
      if (listed.size() < maxListed) {
        listed.add(new SkippedEntry(path.toString(), reason, detail));
      }
      LOG.warn("skipped {} ({}): {}", path, reason, detail);
    }
  }

  /** Builder of {@link FmowScanner}. */
  public static final class Builder {
    private Path root;
    private String split = "train";
    private int maxListedSkips = 10_000;

    private Builder() {}

    /**
     * The fMoW root folder (the one holding {@code train/} and {@code val/}). Required.
     *
     * @param root the folder
     * @return this builder
     */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * The split folder to scan: {@code train} (default), {@code val}, or {@code all} for every one of
     * {@link #ALL_SPLITS} that exists. Any other plain folder name is scanned as given.
     *
     * @param split the split
     * @return this builder
     */
    public Builder split(String split) {
      Objects.requireNonNull(split, "split");
      if (!SPLIT_NAME.matcher(split).matches() || split.equals(".") || split.equals("..")) {
        throw new IllegalArgumentException(
            "split: expected train, val, all or a plain folder name, found '" + split + "'");
      }
      this.split = split;
      return this;
    }

    /**
     * How many skipped entries the report lists (counts stay exact). Default 10,000.
     *
     * @param max a non-negative limit
     * @return this builder
     */
    public Builder maxListedSkips(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxListedSkips: must be >= 0, found " + max);
      }
      this.maxListedSkips = max;
      return this;
    }

    /**
     * Builds the scanner.
     *
     * @return the scanner
     * @throws IllegalStateException when no root was set
     */
    public FmowScanner build() {
      if (root == null) {
        throw new IllegalStateException("FmowScanner.builder(): root(Path) is required");
      }
      return new FmowScanner(this);
    }
  }
}
