package io.github.geollava.prune;

import ai.djl.nn.Block;
import io.github.geollava.prune.mask.MaskProvenance;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import io.github.geollava.prune.select.PruneCount;
import io.github.geollava.prune.select.RowSelector;
import io.github.geollava.prune.select.Scope;
import io.github.geollava.prune.select.StreamingSelector;
import java.util.ArrayList;
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
  private final Scope scope;
  private final TargetPatterns targets;
  private final int nmKeep;
  private final int nmGroup;
  private final int parallelism;

  private MagnitudePruner(Builder b) {
    this.sparsity = b.sparsity;
    this.scope = b.scope;
    this.targets = new TargetPatterns(b.include, b.exclude);
    this.nmKeep = b.nmKeep;
    this.nmGroup = b.nmGroup;
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
    return nmGroup == 0 ? "magnitude" : "magnitude-" + nmKeep + ":" + nmGroup;
  }

  /**
   * Selects the weights to prune, zeroes them in place, and returns the masks.
   *
   * @param root the block tree (initialised)
   * @return the masks, one per targeted weight, in module order
   */
  public PruningMasks prune(Block root) {
    TargetWeights w = new TargetWeights(root, targets);
    String sha = w.sha256();
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
    double recorded = nmGroup == 0 ? sparsity : 1.0 - (double) nmKeep / nmGroup;
    MaskProvenance prov = new MaskProvenance(method(), recorded, scopeText, targets.includeText(),
        targets.excludeText(), sha, MaskProvenance.currentLibraryVersion());
    PruningMasks result = new PruningMasks(List.of(masks), prov);
    result.apply(root);
    LOG.info("{} pruning: {} of {} weights in {} tensors", method(), result.pruned(), result.parameters(),
        masks.length);
    return result;
  }

  /** Builds a {@link MagnitudePruner}. */
  public static final class Builder {
    private double sparsity = Double.NaN;
    private Scope scope = Scope.LAYER;
    private List<String> include = new ArrayList<>(List.of(TargetPatterns.DEFAULT_INCLUDE));
    private List<String> exclude = new ArrayList<>(List.of(TargetPatterns.DEFAULT_EXCLUDE));
    private boolean includeIsDefault = true;
    private int nmKeep;
    private int nmGroup;
    private int parallelism = 1;

    private Builder() {}

    /**
     * The fraction of the targeted weights to prune (required unless N:M is set).
     *
     * @param sparsity in [0, 1], e.g. 0.05 or 0.10 as in the paper
     * @return this
     */
    public Builder setSparsity(double sparsity) {
      PruneCount.checkSparsity("sparsity", sparsity);
      this.sparsity = sparsity;
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
     * Targets every {@code Linear} weight, {@code lm_head}, the vision tower and the projector
     * included, as the original GeoLLaVA code did (embeddings are not {@code Linear}). Clears all
     * patterns set so far.
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
     * N:M semi-structured sparsity instead of unstructured: keep the {@code n} largest |w| of every
     * {@code m} consecutive weights of a row (2:4 is what sparse tensor cores accelerate).
     *
     * @param n kept per group
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
      if (Double.isNaN(sparsity) && nmGroup == 0) {
        throw new IllegalArgumentException("sparsity is required: call setSparsity(s) or optSemiStructured(n, m)");
      }
      if (Double.isNaN(sparsity)) {
        sparsity = 1.0 - (double) nmKeep / nmGroup;
      }
      return new MagnitudePruner(this);
    }
  }
}
