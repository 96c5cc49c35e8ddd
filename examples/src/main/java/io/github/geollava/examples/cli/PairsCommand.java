package io.github.geollava.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.geollava.dataset.annotate.CaptionRecord;
import io.github.geollava.dataset.fmow.AtomicFiles;
import io.github.geollava.dataset.fmow.FmowScanner;
import io.github.geollava.dataset.llava.LlavaAnnotations;
import io.github.geollava.dataset.llava.LlavaConversation;
import io.github.geollava.dataset.pairs.PairPolicy;
import io.github.geollava.dataset.pairs.PairingReport;
import io.github.geollava.dataset.pairs.PairsSheet;
import io.github.geollava.dataset.pairs.TemporalPair;
import io.github.geollava.dataset.pairs.TemporalPairBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava pairs}: an fMoW folder to the authors' pairs sheet ({@code pairs.csv},
 * {@code pairs.jsonl}), a report ({@code pairs_report.json}: scan counts, skipped entries with
 * reasons, pairing counts) and, given a captions file, LLaVA conversations ({@code llava.json}).
 *
 * <p>fMoW has no captions, so {@code --annotations} takes a captions JSONL ({@code {"id"|"video",
 * "caption"}} per line, e.g. the checkpoint of a {@code BatchAnnotator} run) and joins it to the pairs
 * by video name; the prompt of each conversation is one of the paper's six templates, chosen by
 * {@code --seed} per record. Pairs without a caption are counted and listed in the report.
 *
 * <p>{@code --videos DIR} also writes every pair as the dataset's two-frame mp4
 * ({@code DIR/<image1 stem>-<image2 stem>.mp4}, 1 fps), named as the conversations' {@code "video"}
 * field; files already there are kept, so the step resumes (see {@link PairVideos}).
 */
@Command(
    name = "pairs",
    mixinStandardHelpOptions = true,
    description = {
      "Build temporal image pairs from an fMoW folder: pairs.csv, pairs.jsonl, pairs_report.json,",
      "and llava.json when --annotations gives captions."
    })
public final class PairsCommand implements Callable<Integer> {

  /** How many pair ids without a caption the report lists. */
  private static final int LISTED_UNCAPTIONED = 1000;

  @Spec CommandSpec spec;

  @Option(names = "--fmow", required = true, paramLabel = "DIR",
      description = "fMoW root holding train/ and val/ (<split>/<category>/<category>_<loc>/...).")
  Path fmow;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--split", defaultValue = "train", paramLabel = "train|val|all",
      description = "Split to scan (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--policy", defaultValue = "chained", paramLabel = "chained|adjacent",
      description = "Pairing policy (default: ${DEFAULT-VALUE}, the paper's).")
  String policy;

  @Option(names = "--min-gap-days", defaultValue = "365", paramLabel = "DAYS",
      description = "Minimum days between the two images, inclusive (default: ${DEFAULT-VALUE}).")
  long minGapDays;

  @Option(names = "--max-bytes", defaultValue = "1000000", paramLabel = "BYTES",
      description = "Drop images whose file is larger (default: ${DEFAULT-VALUE}, the paper's 1 MB).")
  long maxBytes;

  @Option(names = "--limit", paramLabel = "N",
      description = "Keep at most N pairs, sampled reproducibly with --seed.")
  Integer limit;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
      description = "Seed of the --limit sample and of the prompt template choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--annotations", paramLabel = "FILE",
      description = "Captions JSONL ({\"id\"|\"video\", \"caption\"} per line) to join into llava.json.")
  Path annotations;

  @Option(names = "--videos", paramLabel = "DIR",
      description = {"Also write each pair as a 2-frame mp4 <DIR>/<id>.mp4 (1 fps), the name the LLaVA",
          "annotations use; existing files are kept, so an interrupted run resumes."})
  Path videos;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads encoding --videos (default: one per processor; files do not depend on it).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    if (minGapDays < 0) {
      throw new IllegalArgumentException("--min-gap-days: must be >= 0, found " + minGapDays);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("--max-bytes: must be > 0, found " + maxBytes);
    }
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("--limit: must be >= 1, found " + limit);
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads: must be >= 1, found " + threads);
    }
    if (!Files.isDirectory(fmow)) {
      throw new IllegalArgumentException("--fmow: not a folder: " + fmow);
    }
    Map<String, String> captions = annotations == null ? null : readCaptions(annotations);

    FmowScanner scanner = FmowScanner.builder().root(fmow).split(split).build();
    TemporalPairBuilder.Builder b = TemporalPairBuilder.builder()
        .policy(PairPolicy.parse(policy))
        .minGap(Duration.ofDays(minGapDays))
        .maxBytes(maxBytes)
        .seed(seed);
    if (limit != null) {
      b.limit(limit);
    }
    Files.createDirectories(out);
    Path csv = out.resolve("pairs.csv");
    Path llava = out.resolve("llava.json");
    List<String> uncaptioned = new ArrayList<>();
    long[] uncaptionedCount = new long[1];
    Set<String> usedCaptions = new HashSet<>();
    List<TemporalPair> written = new ArrayList<>(); // for --videos, after the sheet is committed
    PairingReport report;
    try (PairsSheet.SheetWriter sheet = PairsSheet.open(csv, out.resolve("pairs.jsonl"));
        LlavaAnnotations.ConversationWriter conv =
            captions == null ? null : LlavaAnnotations.open(llava, LlavaAnnotations.Format.JSON)) {
      try {
        report = b.build().pairAll(scanner, p -> {
          try {
            sheet.write(p);
            if (videos != null) {
              written.add(p);
            }
            if (conv != null) {
              writeConversation(conv, p, captions, usedCaptions, uncaptioned, uncaptionedCount);
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      sheet.commit();
      if (conv != null) {
        conv.commit();
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("pairing", report);
    if (captions != null) {
      Map<String, Object> ann = new LinkedHashMap<>();
      ann.put("captions_file", annotations.toString());
      ann.put("captions", captions.size());
      ann.put("conversations", report.pairs() - uncaptionedCount[0]);
      ann.put("pairs_without_caption", uncaptionedCount[0]);
      ann.put("pairs_without_caption_listed", uncaptioned);
      ann.put("captions_without_pair", captions.size() - usedCaptions.size());
      doc.put("annotations", ann);
    }
    ObjectMapper mapper = new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT);
    Path reportFile = out.resolve("pairs_report.json");
    AtomicFiles.write(reportFile, mapper.writeValueAsBytes(doc));

    PrintWriter w = spec.commandLine().getOut();
    w.printf("%d pairs (%s, min gap %d days) from %d images in %d locations of %s;"
            + " %d entries skipped, %d oversize images dropped%n",
        report.pairs(), report.policy(), minGapDays, report.scan().images(), report.locations(),
        report.scan().splits(), report.scan().skipped(), report.oversizeImages());
    w.printf("wrote %s, %s, %s%n", csv, out.resolve("pairs.jsonl"), reportFile);
    if (captions != null) {
      w.printf("wrote %s: %d conversations, %d pairs without a caption%n", llava,
          report.pairs() - uncaptionedCount[0], uncaptionedCount[0]);
    }
    w.flush();
    if (videos != null) {
      int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      PairVideos.Summary v = PairVideos.writeAll(written, videos, n, spec.commandLine().getErr());
      w.printf("wrote %d videos to %s (%d already there, %d resized to the first frame's size) in %.1f s%n",
          v.written(), videos, v.skipped(), v.resized(), v.seconds());
      w.flush();
    }
    return 0;
  }

  private void writeConversation(LlavaAnnotations.ConversationWriter conv, TemporalPair p,
      Map<String, String> captions, Set<String> used, List<String> uncaptioned, long[] count)
      throws IOException {
    String caption = captions.get(p.videoName());
    if (caption == null) {
      count[0]++;
      if (uncaptioned.size() < LISTED_UNCAPTIONED) {
        uncaptioned.add(p.id());
      }
      return;
    }
    used.add(p.videoName());
    conv.write(LlavaConversation.of(p, caption, seed));
  }

  /** Captions keyed by video name; a later line for the same video wins (a re-annotated pair). */
  private static Map<String, String> readCaptions(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--annotations: no such file: " + file);
    }
    Map<String, String> byVideo = new HashMap<>();
    for (CaptionRecord r : CaptionRecord.readJsonl(file)) {
      byVideo.put(r.videoKey(), r.caption());
    }
    return byVideo;
  }
}
