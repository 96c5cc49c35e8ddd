package io.github.geollava.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.github.geollava.prune.mask.LinearWeights;
import io.github.geollava.prune.mask.MaskProvenance;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import io.github.geollava.prune.select.WeightSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The targeted {@code Linear} weights of a block tree, as a {@link WeightSource} that copies each
 * weight to a {@code float[]} when asked (so at most the selection's parallelism of them is on the Java
 * heap at once).
 */
public final class TargetWeights implements WeightSource {

  private final Block root;
  private final TargetPatterns patterns;
  private final List<String> paths = new ArrayList<>();
  private final List<Parameter> params = new ArrayList<>();

  /**
   * The targets of a tree.
   *
   * @param root the block tree
   * @param patterns which modules to target
   * @throws IllegalArgumentException if nothing matches, naming the patterns
   */
  public TargetWeights(Block root, TargetPatterns patterns) {
    this.root = root;
    this.patterns = patterns;
    for (Map.Entry<String, Parameter> e : LinearWeights.all(root).entrySet()) {
      if (patterns.matches(e.getKey())) {
        Parameter p = e.getValue();
        if (!p.isInitialized()) {
          throw new IllegalStateException("weight of '" + e.getKey() + "' is not initialised yet");
        }
        paths.add(e.getKey());
        params.add(p);
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no Linear module matches include [" + patterns.includeText()
          + "] without matching exclude [" + patterns.excludeText() + "]");
    }
  }

  @Override
  public int tensorCount() {
    return paths.size();
  }

  @Override
  public String name(int index) {
    return paths.get(index);
  }

  /** The weight's shape. */
  public long[] shape(int index) {
    return params.get(index).getArray().getShape().getShape();
  }

  /** The weight's parameter. */
  public Parameter parameter(int index) {
    return params.get(index);
  }

  @Override
  public float[] weights(int index) {
    NDArray a = params.get(index).getArray();
    if (a.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("weight of '" + paths.get(index) + "' is " + a.getDataType()
          + "; pruning reads real FLOAT32 weights (dequantise a quantized base first)");
    }
    return a.toFloatArray();
  }

  /**
   * SHA-256 over the targets in order: each module path in UTF-8, then its float32 values little-endian.
   *
   * @return the lowercase hex digest
   */
  public String sha256() {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < paths.size(); i++) {
      md.update(paths.get(i).getBytes(StandardCharsets.UTF_8));
      for (float f : weights(i)) {
        if (!buf.hasRemaining()) {
          md.update(buf.array(), 0, buf.position());
          buf.clear();
        }
        buf.putFloat(f);
      }
      md.update(buf.array(), 0, buf.position());
      buf.clear();
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Wraps masks selected for these targets with their provenance and applies them to the tree, which
   * zeroes the pruned weights in place: the common last step of every pruner.
   *
   * @param masks one per target, in target order
   * @param method the method name the provenance records
   * @param sparsity the sparsity the provenance records
   * @param scope the scope the provenance records ({@code layer}, {@code global} or {@code row})
   * @return the applied masks
   */
  public PruningMasks applyMasks(List<TensorMask> masks, String method, double sparsity, String scope) {
    // Hash before applying: the provenance names the weights the masks were selected from.
    MaskProvenance prov = new MaskProvenance(method, sparsity, scope, patterns.includeText(),
        patterns.excludeText(), sha256(), MaskProvenance.currentLibraryVersion());
    PruningMasks result = new PruningMasks(masks, prov);
    result.apply(root);
    return result;
  }
}
