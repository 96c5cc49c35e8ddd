package io.github.geollava.prune.wanda;

import ai.djl.nn.Block;
import io.github.geollava.prune.TargetPatterns;
import io.github.geollava.prune.TargetWeights;
import io.github.geollava.prune.mask.MaskProvenance;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import io.github.geollava.prune.select.PruneCount;
import io.github.geollava.prune.select.RowSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wanda pruning of the {@code Linear} weights of a DJL block tree: score {@code |W_ij| * ||X_j||_2}
 * ({@link WandaScores}) and, in every output row, prune the {@code round(s * in)} lowest scores (ties to
 * the lower column), or with N:M the {@code m - n} lowest of every group of {@code m}. The per-channel
 * input norms come from calibration data ({@link ActivationNorms}, or {@link CalibrationRecorder} on a
 * model).
 *
 * <p>Note on the count: Wanda's reference code prunes {@code int(s * in)} per row (floor); this class
 * uses {@code round} half to even like the magnitude pruner. They differ only when {@code s * in} has
 * a fractional part of at least one half.
 */
public final class WandaPruner {

  private static final Logger LOG = LoggerFactory.getLogger(WandaPruner.class);

  private final double sparsity;
  private final TargetPatterns targets;
  private final Map<String, float[]> inputNorms;
  private final int nmKeep;
  private final int nmGroup;

  private WandaPruner(Builder b) {
    this.sparsity = b.sparsity;
    this.targets = new TargetPatterns(b.include, b.exclude);
    this.inputNorms = Map.copyOf(b.inputNorms);
    this.nmKeep = b.nmKeep;
    this.nmGroup = b.nmGroup;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The method name recorded in the masks' provenance. */
  public String method() {
    return nmGroup == 0 ? "wanda" : "wanda-" + nmKeep + ":" + nmGroup;
  }

  /**
   * Selects the weights to prune, zeroes them in place, and returns the masks.
   *
   * @param root the block tree (initialised)
   * @return the masks, one per targeted weight, in module order
   * @throws IllegalArgumentException if a targeted module has no input norms or a non-2-D weight
   */
  public PruningMasks prune(Block root) {
    TargetWeights w = new TargetWeights(root, targets);
    String sha = w.sha256();
    List<TensorMask> masks = new ArrayList<>();
    for (int i = 0; i < w.tensorCount(); i++) {
      String path = w.name(i);
      long[] shape = w.shape(i);
      if (shape.length != 2) {
        throw new IllegalArgumentException("Wanda needs 2-D (out, in) weights; '" + path + "' has shape "
            + Arrays.toString(shape));
      }
      float[] norms = inputNorms.get(path);
      if (norms == null) {
        throw new IllegalArgumentException("no calibration input norms for module '" + path
            + "' (have " + inputNorms.size() + " modules)");
      }
      int rows = (int) shape[0];
      int cols = (int) shape[1];
      float[] scores = WandaScores.of(w.weights(i), cols, norms);
      byte[] m = nmGroup == 0
          ? RowSelector.smallestPerRow(scores, rows, cols, (int) PruneCount.of(sparsity, cols))
          : RowSelector.nOfM(scores, rows, cols, nmKeep, nmGroup);
      masks.add(new TensorMask(path, shape, m));
    }
    double recorded = nmGroup == 0 ? sparsity : 1.0 - (double) nmKeep / nmGroup;
    MaskProvenance prov = new MaskProvenance(method(), recorded, "row", targets.includeText(),
        targets.excludeText(), sha, MaskProvenance.currentLibraryVersion());
    PruningMasks result = new PruningMasks(masks, prov);
    result.apply(root);
    LOG.info("{} pruning: {} of {} weights in {} tensors", method(), result.pruned(), result.parameters(),
        masks.size());
    return result;
  }

  /** Builds a {@link WandaPruner}. */
  public static final class Builder {
    private double sparsity = Double.NaN;
    private List<String> include = new ArrayList<>(List.of(TargetPatterns.DEFAULT_INCLUDE));
    private List<String> exclude = new ArrayList<>(List.of(TargetPatterns.DEFAULT_EXCLUDE));
    private boolean includeIsDefault = true;
    private Map<String, float[]> inputNorms;
    private int nmKeep;
    private int nmGroup;

    private Builder() {}

    /**
     * The fraction of each row to prune (required unless N:M is set).
     *
     * @param sparsity in [0, 1]
     * @return this
     */
    public Builder setSparsity(double sparsity) {
      PruneCount.checkSparsity("sparsity", sparsity);
      this.sparsity = sparsity;
      return this;
    }

    /**
     * The calibration input norms {@code ||X_j||_2} of every targeted module (required).
     *
     * @param inputNorms module path to one norm per input channel
     * @return this
     */
    public Builder setInputNorms(Map<String, float[]> inputNorms) {
      if (inputNorms == null || inputNorms.isEmpty()) {
        throw new IllegalArgumentException("inputNorms must name at least one module");
      }
      this.inputNorms = inputNorms;
      return this;
    }

    /**
     * Adds an include regex over module paths; the first call replaces the default include.
     *
     * @param regex a regex that must fully match a module path
     * @return this
     */
    public Builder optInclude(String regex) {
      if (includeIsDefault) {
        include.clear();
        includeIsDefault = false;
      }
      include.add(regex);
      return this;
    }

    /**
     * Adds an exclude regex over module paths (on top of the default exclude).
     *
     * @param regex a regex that must fully match a module path
     * @return this
     */
    public Builder optExclude(String regex) {
      exclude.add(regex);
      return this;
    }

    /**
     * Targets every {@code Linear} weight; clears all patterns set so far.
     *
     * @return this
     */
    public Builder allLinear() {
      include = new ArrayList<>(TargetPatterns.allLinear().include());
      exclude = new ArrayList<>();
      includeIsDefault = false;
      return this;
    }

    /**
     * N:M semi-structured sparsity on Wanda scores.
     *
     * @param n kept per group of {@code m}
     * @param m group size
     * @return this
     */
    public Builder optSemiStructured(int n, int m) {
      if (m < 1 || n < 0 || n > m) {
        throw new IllegalArgumentException("N:M needs 0 <= N <= M and M >= 1, got " + n + ":" + m);
      }
      this.nmKeep = n;
      this.nmGroup = m;
      return this;
    }

    /**
     * The pruner.
     *
     * @return the pruner
     */
    public WandaPruner build() {
      if (inputNorms == null) {
        throw new IllegalArgumentException("inputNorms is required: call setInputNorms(...)");
      }
      if (Double.isNaN(sparsity) && nmGroup == 0) {
        throw new IllegalArgumentException("sparsity is required: call setSparsity(s) or optSemiStructured(n, m)");
      }
      if (Double.isNaN(sparsity)) {
        sparsity = 1.0 - (double) nmKeep / nmGroup;
      }
      return new WandaPruner(this);
    }
  }
}
