package io.github.geollava.prune.mask;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps pruned weights at exactly 0 during training.
 *
 * <p>DJL's {@code EasyTrain.fit} notifies {@link #onTrainingBatch} at the end of {@code trainBatch},
 * after the backward pass and <em>before</em> {@code trainer.step()}. So there this listener masks both
 * the weights and their gradients: a zero weight with a zero gradient stays exactly 0 through the step
 * of SGD and of Adam (whose moments for those positions stay 0 from the first step on). At the end of
 * every epoch and of training it masks the weights again, which also covers optimizer state left over
 * from before pruning. In a custom loop call {@link #reapply(Block)} right after each
 * {@code trainer.step()}: that alone suffices for any optimizer. Without either, Adam revives pruned
 * weights at the first step.
 *
 * <p>The masks are uploaded once, as arrays of the weight's type on the weight's device, and kept
 * until {@link #close()}.
 */
public final class MaskReapplyListener extends TrainingListenerAdapter implements AutoCloseable {

  private final PruningMasks masks;
  private final Map<String, NDArray> uploaded = new LinkedHashMap<>();
  private NDManager manager;

  /**
   * A listener for a set of masks.
   *
   * @param masks the masks to keep applied
   */
  public MaskReapplyListener(PruningMasks masks) {
    if (masks == null) {
      throw new IllegalArgumentException("masks must not be null");
    }
    this.masks = masks;
  }

  @Override
  public void onTrainingBegin(Trainer trainer) {
    reapply(trainer.getModel().getBlock());
  }

  @Override
  public void onTrainingBatch(Trainer trainer, BatchData batchData) {
    apply(trainer.getModel().getBlock(), true);
  }

  @Override
  public void onEpoch(Trainer trainer) {
    reapply(trainer.getModel().getBlock());
  }

  @Override
  public void onTrainingEnd(Trainer trainer) {
    reapply(trainer.getModel().getBlock());
  }

  /**
   * Multiplies every masked weight of the tree by its mask (weights become exactly 0 where pruned).
   *
   * @param root the block tree being trained
   */
  public void reapply(Block root) {
    apply(root, false);
  }

  private synchronized void apply(Block root, boolean gradientsToo) {
    for (TensorMask t : masks.masks().values()) {
      Parameter p = LinearWeights.at(root, t.modulePath());
      NDArray w = PruningMasks.weightArray(p, t);
      NDArray m = uploaded.get(t.modulePath());
      if (m == null || !m.getDevice().equals(w.getDevice()) || m.getDataType() != w.getDataType()) {
        if (m != null) {
          m.close();
        }
        if (manager == null) {
          manager = NDManager.newBaseManager(w.getDevice());
        }
        try (NDArray bytes = manager.create(ByteBuffer.wrap(t.bytes()), w.getShape(), DataType.UINT8)) {
          m = bytes.toType(w.getDataType(), false).toDevice(w.getDevice(), false);
        }
        uploaded.put(t.modulePath(), m);
      }
      PruningMasks.multiplyInPlace(w, m);
      if (gradientsToo && w.hasGradient()) {
        try (NDArray g = w.getGradient()) {
          // A gradient is never an autograd leaf, so it can be masked in place.
          g.muli(m);
        }
      }
    }
  }

  /** Frees the uploaded masks. */
  @Override
  public synchronized void close() {
    uploaded.clear();
    if (manager != null) {
      manager.close();
      manager = null;
    }
  }
}
