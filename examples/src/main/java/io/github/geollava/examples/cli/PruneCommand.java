package io.github.geollava.examples.cli;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.prune.MagnitudePruner;
import io.github.geollava.prune.TargetPatterns;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.report.SparsityReport;
import io.github.geollava.prune.select.Scope;
import io.github.geollava.prune.wanda.CalibrationRecorder;
import io.github.geollava.prune.wanda.WandaPruner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava prune}: prunes a LLaVA-NeXT-Video checkpoint and writes the masks (safetensors, one
 * uint8 {@code <module path>.weight_mask} per weight, provenance in {@code __metadata__}), a sparsity
 * table on stdout and optionally the report as JSON. The checkpoint itself is not rewritten: the masks
 * are re-applied at load time.
 *
 * <p>Wanda needs calibration activations. This command calibrates on {@code --calibration-samples}
 * seeded random token sequences run through the language model only (no video), which reaches the
 * decoder layers of the default targets; it is a stand-in for real captions, documented as such. For
 * the vision tower or the projector ({@code --all-linear}) use the Java API ({@link CalibrationRecorder})
 * with real videos.
 */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Prunes a model's Linear weights (magnitude per layer or global, Wanda, or N:M such as 2:4)",
      "and writes the masks as safetensors; prints a sparsity table."
    })
public final class PruneCommand implements Callable<Integer> {

  private static final Pattern NM = Pattern.compile("(\\d+):(\\d+)");

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "Hugging Face model folder (config.json, safetensors).")
  Path model;

  @Option(names = "--sparsity", paramLabel = "S",
      description = "Fraction of the targeted weights to prune, in [0, 1] (not with N:M).")
  Double sparsity;

  @Option(names = "--out", required = true, paramLabel = "MASKS.safetensors",
      description = "Where to write the masks.")
  Path out;

  @Option(names = "--scope", paramLabel = "layer|global",
      description = "Magnitude only: count round(S x n) per weight (layer, default) or over all targets (global).")
  String scope;

  @Option(names = "--method", defaultValue = "magnitude", paramLabel = "magnitude|wanda|N:M",
      description = "magnitude (default), wanda (|W| x ||X||, per output row), or N:M such as 2:4 (by magnitude).")
  String method;

  @Option(names = "--include", paramLabel = "REGEX",
      description = "Module paths to prune (full match; repeatable). Default: the decoder layers (...layers.N...).")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "REGEX",
      description = "Module paths to keep (full match; repeatable), on top of the default exclude "
          + "(embeddings, lm_head, vision tower, projector).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--all-linear",
      description = "Prune every Linear weight, lm_head, vision tower and projector included (the original code).")
  boolean allLinear;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Also write the sparsity report as JSON.")
  Path report;

  @Option(names = "--calibration-samples", defaultValue = "8", paramLabel = "N",
      description = "Wanda: random token sequences to calibrate on (default: ${DEFAULT-VALUE}).")
  int calibrationSamples;

  @Option(names = "--calibration-length", defaultValue = "64", paramLabel = "T",
      description = "Wanda: tokens per calibration sequence (default: ${DEFAULT-VALUE}).")
  int calibrationLength;

  @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
      description = "Wanda: seed of the calibration tokens (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    String m = method.toLowerCase(Locale.ROOT);
    Matcher nm = NM.matcher(m);
    boolean isNm = nm.matches();
    if (!isNm && !m.equals("magnitude") && !m.equals("wanda")) {
      throw new IllegalArgumentException("--method must be magnitude, wanda or N:M (e.g. 2:4), got '" + method + "'");
    }
    if (isNm && sparsity != null) {
      throw new IllegalArgumentException("--sparsity does not apply to --method " + method
          + " (N:M fixes the sparsity at 1 - N/M)");
    }
    if (!isNm && sparsity == null) {
      throw new IllegalArgumentException("--sparsity is required with --method " + m);
    }
    if (scope != null && !m.equals("magnitude")) {
      throw new IllegalArgumentException("--scope applies to --method magnitude only (" + m
          + " compares weights within output rows)");
    }
    Scope sc = parseScope(scope == null ? "layer" : scope);
    if (allLinear && !include.isEmpty()) {
      throw new IllegalArgumentException("--all-linear and --include are exclusive");
    }

    PrintWriter stdout = spec.commandLine().getOut();
    try (LlavaNextVideoModel lm = load(model)) {
      PruningMasks masks;
      if (m.equals("wanda")) {
        TargetPatterns patterns = patterns();
        Map<String, float[]> norms = calibrate(lm, patterns);
        WandaPruner.Builder b = WandaPruner.builder().setSparsity(sparsity).setInputNorms(norms);
        configure(b);
        masks = b.build().prune(lm.block());
      } else {
        MagnitudePruner.Builder b = MagnitudePruner.builder().optScope(sc);
        if (isNm) {
          b.optSemiStructured(Integer.parseInt(nm.group(1)), Integer.parseInt(nm.group(2)));
        } else {
          b.setSparsity(sparsity);
        }
        if (allLinear) {
          b.allLinear();
        }
        include.forEach(b::optInclude);
        exclude.forEach(b::optExclude);
        masks = b.build().prune(lm.block());
      }
      masks.save(out);
      SparsityReport r = SparsityReport.of(lm.block(), masks);
      if (report != null) {
        r.writeJson(report);
      }
      stdout.print(r.toTable());
      stdout.printf(Locale.ROOT, "%s: pruned %d of %d weights in %d tensors -> %s%n",
          masks.provenance().method(), masks.pruned(), masks.parameters(), masks.masks().size(), out);
      stdout.flush();
    }
    return 0;
  }

  private void configure(WandaPruner.Builder b) {
    if (allLinear) {
      b.allLinear();
    }
    include.forEach(b::optInclude);
    exclude.forEach(b::optExclude);
  }

  /** The patterns the pruner will use, for the calibration recorder. */
  private TargetPatterns patterns() {
    if (allLinear) {
      return new TargetPatterns(TargetPatterns.allLinear().include(), exclude);
    }
    List<String> inc = include.isEmpty() ? List.of(TargetPatterns.DEFAULT_INCLUDE) : include;
    List<String> exc = new ArrayList<>(List.of(TargetPatterns.DEFAULT_EXCLUDE));
    exc.addAll(exclude);
    return new TargetPatterns(inc, exc);
  }

  /** Runs seeded random token sequences (text only) through the model and returns the input norms. */
  private Map<String, float[]> calibrate(LlavaNextVideoModel lm, TargetPatterns patterns) {
    if (calibrationSamples < 1 || calibrationLength < 1) {
      throw new IllegalArgumentException("--calibration-samples and --calibration-length must be >= 1, got "
          + calibrationSamples + " and " + calibrationLength);
    }
    LlavaNextVideoConfig cfg = lm.config();
    int vocab = cfg.textConfig().vocabSize();
    Random rnd = new Random(seed);
    try (CalibrationRecorder rec = CalibrationRecorder.attach(lm.block(), patterns);
        NDManager mgr = lm.manager().newSubManager()) {
      for (int s = 0; s < calibrationSamples; s++) {
        long[] ids = new long[calibrationLength];
        for (int i = 0; i < ids.length; i++) {
          long id;
          do {
            id = rnd.nextInt(vocab);
          } while (id == cfg.imageTokenIndex() || id == cfg.videoTokenIndex());
          ids[i] = id;
        }
        try (NDManager step = mgr.newSubManager()) {
          NDArray input = step.create(ids, new Shape(1, ids.length));
          lm.lastLogits(input, null, null, null);
        }
      }
      try {
        return rec.norms();
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException("wanda calibration runs the language model on text only: "
            + e.getMessage() + "; prune the vision tower/projector with --method magnitude", e);
      }
    }
  }

  private static Scope parseScope(String s) {
    switch (s.toLowerCase(Locale.ROOT)) {
      case "layer":
        return Scope.LAYER;
      case "global":
        return Scope.GLOBAL;
      default:
        throw new IllegalArgumentException("--scope must be layer or global, got '" + s + "'");
    }
  }

  private static LlavaNextVideoModel load(Path dir) throws IOException {
    try {
      return LlavaNextVideoModel.load(dir, Device.cpu());
    } catch (MalformedModelException e) {
      throw new BadInputException(dir + ": " + e.getMessage(), e);
    }
  }
}
