package io.github.geollava.prune;

import io.github.geollava.prune.select.PruneCount;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every pruner's builder shares (sparsity, target patterns, N:M), kept in one place so
 * that their validation and messages cannot drift apart between {@link MagnitudePruner} and the Wanda
 * pruner. Each setter returns the concrete builder, so calls chain into its own options.
 *
 * @param <B> the concrete builder
 */
public abstract class PrunerBuilder<B extends PrunerBuilder<B>> {

  private double sparsity = Double.NaN;
  private List<String> include = new ArrayList<>(List.of(TargetPatterns.DEFAULT_INCLUDE));
  private List<String> exclude = new ArrayList<>(List.of(TargetPatterns.DEFAULT_EXCLUDE));
  private boolean includeIsDefault = true;
  private int nmKeep;
  private int nmGroup;

  /** For the concrete builders. */
  protected PrunerBuilder() {}

  /**
   * This builder as its concrete type.
   *
   * @return {@code this}
   */
  protected abstract B self();

  /**
   * The fraction to prune (required unless N:M is set): of all targeted weights for magnitude
   * pruning, of each output row for Wanda.
   *
   * @param sparsity in [0, 1], e.g. 0.05 or 0.10 as in the paper
   * @return this
   */
  public B setSparsity(double sparsity) {
    PruneCount.checkSparsity("sparsity", sparsity);
    this.sparsity = sparsity;
    return self();
  }

  /**
   * Adds an include regex over module paths; the first call replaces the default include.
   *
   * @param regex a regex that must fully match a module path
   * @return this
   */
  public B optInclude(String regex) {
    if (includeIsDefault) {
      include.clear();
      includeIsDefault = false;
    }
    include.add(regex);
    return self();
  }

  /**
   * Adds an exclude regex over module paths (on top of the default exclude).
   *
   * @param regex a regex that must fully match a module path
   * @return this
   */
  public B optExclude(String regex) {
    exclude.add(regex);
    return self();
  }

  /**
   * Targets every {@code Linear} weight, {@code lm_head}, the vision tower and the projector
   * included, as the original GeoLLaVA code did (embeddings are not {@code Linear}). Clears all
   * patterns set so far.
   *
   * @return this
   */
  public B allLinear() {
    include = new ArrayList<>(TargetPatterns.allLinear().include());
    exclude = new ArrayList<>();
    includeIsDefault = false;
    return self();
  }

  /**
   * N:M semi-structured sparsity instead of unstructured: keep the {@code n} largest scores of every
   * {@code m} consecutive weights of a row (2:4 is what sparse tensor cores accelerate).
   *
   * @param n kept per group
   * @param m group size
   * @return this
   */
  public B optSemiStructured(int n, int m) {
    if (m < 1 || n < 0 || n > m) {
      throw new IllegalArgumentException("N:M needs 0 <= N <= M and M >= 1, got " + n + ":" + m);
    }
    this.nmKeep = n;
    this.nmGroup = m;
    return self();
  }

  /**
   * Checks that a sparsity or N:M was set and, for N:M alone, derives the sparsity {@code 1 - n/m};
   * a concrete {@code build()} calls this before it constructs the pruner.
   *
   * @throws IllegalArgumentException if neither a sparsity nor N:M was set
   */
  protected final void checkSparsityOrSemiStructured() {
    if (Double.isNaN(sparsity) && nmGroup == 0) {
      throw new IllegalArgumentException(
          "sparsity is required: call setSparsity(s) or optSemiStructured(n, m)");
    }
    if (Double.isNaN(sparsity)) {
      sparsity = 1.0 - (double) nmKeep / nmGroup;
    }
  }

  /**
   * The sparsity set (or derived from N:M by {@link #checkSparsityOrSemiStructured()}).
   *
   * @return the sparsity, NaN if none yet
   */
  public double sparsity() {
    return sparsity;
  }

  /**
   * The sparsity the masks' provenance records: the N:M ratio {@code 1 - n/m} when N:M is set, the
   * sparsity otherwise.
   *
   * @return the recorded sparsity
   */
  public double recordedSparsity() {
    return nmGroup == 0 ? sparsity : 1.0 - (double) nmKeep / nmGroup;
  }

  /**
   * Kept weights per N:M group.
   *
   * @return {@code n}, 0 when N:M is not set
   */
  public int nmKeep() {
    return nmKeep;
  }

  /**
   * The N:M group size.
   *
   * @return {@code m}, 0 when N:M is not set
   */
  public int nmGroup() {
    return nmGroup;
  }

  /**
   * The method name recorded in the masks' provenance.
   *
   * @param base the unstructured method's name, e.g. {@code "wanda"}
   * @return {@code base}, or {@code base-n:m} when N:M is set
   */
  public String method(String base) {
    return nmGroup == 0 ? base : base + "-" + nmKeep + ":" + nmGroup;
  }

  /**
   * The target patterns set so far.
   *
   * @return the compiled patterns
   * @throws IllegalArgumentException if a regex does not compile
   */
  public TargetPatterns targets() {
    return new TargetPatterns(include, exclude);
  }
}
