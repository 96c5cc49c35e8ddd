package io.github.geollava.prune.wanda;

import ai.djl.nn.Block;
import io.github.geollava.prune.PrunerBuilder;
import io.github.geollava.prune.TargetPatterns;
import io.github.geollava.prune.TargetWeights;
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
  private final double recordedSparsity;
  private final String method;
  private final TargetPatterns targets;
  private final Map<String, float[]> inputNorms;
  private final int nmKeep;
  private final int nmGroup;

  private WandaPruner(Builder b) {
    this.sparsity = b.sparsity();
    this.recordedSparsity = b.recordedSparsity();
    this.method = b.method("wanda");
    this.targets = b.targets();
    this.inputNorms = Map.copyOf(b.inputNorms);
    this.nmKeep = b.nmKeep();
    this.nmGroup = b.nmGroup();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The method name recorded in the masks' provenance. */
  public String method() {
    return method;
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
    PruningMasks result = w.applyMasks(masks, method, recordedSparsity, "row");
    LOG.info("{} pruning: {} of {} weights in {} tensors", method, result.pruned(), result.parameters(),
        masks.size());
    return result;
  }

  /**
   * Builds a {@link WandaPruner}: the shared options of {@link PrunerBuilder} (sparsity of each row,
   * patterns, N:M on Wanda scores) plus the calibration input norms.
   */
  public static final class Builder extends PrunerBuilder<Builder> {
    private Map<String, float[]> inputNorms;

    private Builder() {}

    @Override
    protected Builder self() {
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
     * The pruner.
     *
     * @return the pruner
     */
    public WandaPruner build() {
      if (inputNorms == null) {
        throw new IllegalArgumentException("inputNorms is required: call setInputNorms(...)");
      }
      checkSparsityOrSemiStructured();
      return new WandaPruner(this);
    }
  }
}
