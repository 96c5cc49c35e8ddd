package io.github.geollava.prune;

import ai.djl.nn.Block;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import io.github.geollava.prune.select.RowSelector;
import io.github.geollava.prune.select.Scope;
import io.github.geollava.prune.select.StreamingSelector;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Magnitude pruning of a DJL block tree, as in the GeoLLaVA paper (its equations 6-7): keep |w| &gt;
 * tau, prune |w| &lt;= tau, with tau chosen so that exactly {@code round(s * n)} weights go (Python's
 * round, half to even, as {@code torch.nn.utils.prune}), ties broken by the lower row-major index;
 * per {@code Linear} weight ({@link Scope#LAYER}) or across all targeted weights ({@link Scope#GLOBAL},
 * ties to the earlier module first). Optionally N:M semi-structured instead (e.g. 2:4).
 *
 * <pre>{@code
 * PruningMasks masks = MagnitudePruner.builder().setSparsity(0.10).optScope(Scope.LAYER).build().prune(model.block());
 * masks.save(Path.of("masks.safetensors"));
 * }</pre>
 *
 * <p>{@link #prune(Block)} zeroes the pruned weights in place and returns the masks, which keep them at
 * 0 later (see {@link PruningMasks}). It reads real float32 weights: prune before quantizing a base to
 * NF4/FP4/INT8, never the packed bytes.
 */
public final class MagnitudePruner {

  private static final Logger LOG = LoggerFactory.getLogger(MagnitudePruner.class);

  private final double sparsity;
  private final double recordedSparsity;
  private final String method;
  private final Scope scope;
  private final TargetPatterns targets;
  private final int nmKeep;
  private final int nmGroup;
  private final int parallelism;

  private MagnitudePruner(Builder b) {
    this.sparsity = b.sparsity();
    this.recordedSparsity = b.recordedSparsity();
    this.method = b.method("magnitude");
    this.scope = b.scope;
    this.targets = b.targets();
    this.nmKeep = b.nmKeep();
    this.nmGroup = b.nmGroup();
    this.parallelism = b.parallelism;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The targeted modules. */
  public TargetPatterns targets() {
    return targets;
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
   */
  public PruningMasks prune(Block root) {
    TargetWeights w = new TargetWeights(root, targets);
    TensorMask[] masks = new TensorMask[w.tensorCount()];
    String scopeText;
    if (nmGroup != 0) {
      scopeText = "row";
      for (int i = 0; i < w.tensorCount(); i++) {
        long[] shape = w.shape(i);
        if (shape.length != 2) {
          throw new IllegalArgumentException("N:M needs 2-D weights; '" + w.name(i) + "' has shape "
              + Arrays.toString(shape));
        }
        float[] abs = w.weights(i);
        for (int j = 0; j < abs.length; j++) {
          abs[j] = Math.abs(abs[j]);
        }
        byte[] m = RowSelector.nOfM(abs, (int) shape[0], (int) shape[1], nmKeep, nmGroup);
        masks[i] = new TensorMask(w.name(i), shape, m);
      }
    } else {
      scopeText = scope.name().toLowerCase(Locale.ROOT);
      StreamingSelector sel = new StreamingSelector(scope, sparsity, parallelism);
      sel.select(w, (i, m, z) -> masks[i] = new TensorMask(w.name(i), w.shape(i), m));
    }
    PruningMasks result = w.applyMasks(List.of(masks), method, recordedSparsity, scopeText);
    LOG.info("{} pruning: {} of {} weights in {} tensors", method, result.pruned(), result.parameters(),
        masks.length);
    return result;
  }

  /**
   * Builds a {@link MagnitudePruner}: the shared options of {@link PrunerBuilder} (sparsity of all
   * targeted weights, patterns, N:M on |w|) plus the scope and the parallelism.
   */
  public static final class Builder extends PrunerBuilder<Builder> {
    private Scope scope = Scope.LAYER;
    private int parallelism = 1;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Per layer (default) or global.
     *
     * @param scope the scope
     * @return this
     */
    public Builder optScope(Scope scope) {
      if (scope == null) {
        throw new IllegalArgumentException("scope must not be null");
      }
      this.scope = scope;
      return this;
    }

    /**
     * How many weights to select at once (each costs one float copy of the weight on the heap).
     *
     * @param parallelism at least 1; default 1
     * @return this
     */
    public Builder optParallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * The pruner.
     *
     * @return the pruner
     * @throws IllegalArgumentException if neither a sparsity nor N:M was set
     */
    public MagnitudePruner build() {
      checkSparsityOrSemiStructured();
      return new MagnitudePruner(this);
    }
  }
}
