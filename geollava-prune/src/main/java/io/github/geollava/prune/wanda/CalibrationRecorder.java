package io.github.geollava.prune.wanda;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.prune.TargetPatterns;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects Wanda's calibration statistics from a model: while attached, every targeted {@code Linear}
 * is swapped (through {@link ModulePaths#replace}) for a pass-through block that adds its input
 * activations to an {@link ActivationNorms}; run the model on calibration inputs, read {@link
 * #norms()}, then {@link #close()} puts the original layers back.
 *
 * <pre>{@code
 * try (CalibrationRecorder rec = CalibrationRecorder.attach(model.block(), TargetPatterns.languageModel())) {
 *   model.logits(ids, mask, pixels, null);          // any number of calibration batches
 *   norms = rec.norms();
 * }
 * WandaPruner.builder().setSparsity(0.5).setInputNorms(norms).build().prune(model.block());
 * }</pre>
 */
public final class CalibrationRecorder implements AutoCloseable {

  private final Block root;
  private final Map<String, Linear> originals = new LinkedHashMap<>();
  private final Map<String, ActivationNorms> stats = new LinkedHashMap<>();
  private boolean closed;

  private CalibrationRecorder(Block root) {
    this.root = root;
  }

  /**
   * Swaps recording blocks in for the targeted {@code Linear} layers.
   *
   * @param root the model's block tree (initialised)
   * @param patterns which layers to record
   * @return the recorder; close it to restore the model
   */
  public static CalibrationRecorder attach(Block root, TargetPatterns patterns) {
    CalibrationRecorder rec = new CalibrationRecorder(root);
    Map<String, Block> modules = ModulePaths.modules(root);
    for (Map.Entry<String, Block> e : modules.entrySet()) {
      if (e.getValue() instanceof Linear linear && patterns.matches(e.getKey())) {
        rec.originals.put(e.getKey(), linear);
      }
    }
    if (rec.originals.isEmpty()) {
      throw new IllegalArgumentException("no Linear module matches include [" + patterns.includeText()
          + "] without matching exclude [" + patterns.excludeText() + "]");
    }
    for (Map.Entry<String, Linear> e : rec.originals.entrySet()) {
      Shape ws = e.getValue().getParameters().get("weight").getArray().getShape();
      ActivationNorms acc = new ActivationNorms((int) ws.get(1));
      rec.stats.put(e.getKey(), acc);
      ModulePaths.replace(root, e.getKey(), new Recording(e.getValue(), acc));
    }
    return rec;
  }

  /**
   * The input norms seen so far, per module path.
   *
   * @return module path to {@code ||X_j||_2} per input channel
   * @throws IllegalStateException if some layer saw no activations
   */
  public Map<String, float[]> norms() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, ActivationNorms> e : stats.entrySet()) {
      if (e.getValue().tokens() == 0) {
        throw new IllegalStateException("module '" + e.getKey() + "' saw no calibration activations");
      }
      out.put(e.getKey(), e.getValue().norms());
    }
    return out;
  }

  /** Puts the original layers back. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Map.Entry<String, Linear> e : originals.entrySet()) {
      ModulePaths.replace(root, e.getKey(), e.getValue());
    }
  }

  /** A pass-through that records its input; the wrapped layer is a field, not a child, so no path changes. */
  private static final class Recording extends AbstractBlock {
    private final Linear inner;
    private final ActivationNorms acc;

    Recording(Linear inner, ActivationNorms acc) {
      this.inner = inner;
      this.acc = acc;
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray x = inputs.head();
      float[] data = x.getDataType() == DataType.FLOAT32
          ? x.toFloatArray()
          : x.toType(DataType.FLOAT32, false).toFloatArray();
      synchronized (acc) {
        acc.add(data);
      }
      return inner.forward(store, inputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
      return inner.getOutputShapes(inputShapes);
    }
  }
}
