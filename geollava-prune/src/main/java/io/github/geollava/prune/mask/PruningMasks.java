package io.github.geollava.prune.mask;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.github.geollava.core.safetensors.MalformedSafetensorsException;
import io.github.geollava.core.safetensors.SafetensorsDType;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.core.safetensors.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pruning state of a model: one {@link TensorMask} per pruned weight, keyed by module path, plus
 * its {@link MaskProvenance}.
 *
 * <p>On disk: a safetensors file with one uint8 tensor per weight under {@code <module path>.weight_mask}
 * (1 keep, 0 pruned, the weight's shape) and the provenance in {@code __metadata__}. At inference load
 * the file and {@link #apply(Block)}; in training re-apply after every optimizer step with
 * {@link MaskReapplyListener} (DJL's {@code EasyTrain}) or by calling {@link #apply(Block)} after
 * {@code trainer.step()} in a custom loop. Merging a LoRA delta into a pruned base fills pruned
 * positions with {@code B A} products, so call {@link #apply(Block)} again after a merge.
 */
public final class PruningMasks {

  /** The key suffix of a mask tensor. */
  public static final String KEY_SUFFIX = ".weight_mask";

  private static final Logger LOG = LoggerFactory.getLogger(PruningMasks.class);

  private final Map<String, TensorMask> masks;
  private final MaskProvenance provenance;

  /**
   * Masks with their provenance.
   *
   * @param masks the masks, in order (each under its module path)
   * @param provenance where they came from
   */
  public PruningMasks(Collection<TensorMask> masks, MaskProvenance provenance) {
    if (provenance == null) {
      throw new IllegalArgumentException("provenance must not be null");
    }
    Map<String, TensorMask> m = new LinkedHashMap<>();
    for (TensorMask t : masks) {
      if (m.put(t.modulePath(), t) != null) {
        throw new IllegalArgumentException("two masks for module '" + t.modulePath() + "'");
      }
    }
    this.masks = Collections.unmodifiableMap(m);
    this.provenance = provenance;
  }

  /** The masks by module path, in order. */
  public Map<String, TensorMask> masks() {
    return masks;
  }

  /** Where the masks came from. */
  public MaskProvenance provenance() {
    return provenance;
  }

  /** Weights covered by the masks. */
  public long parameters() {
    return masks.values().stream().mapToLong(TensorMask::size).sum();
  }

  /** Weights pruned by the masks. */
  public long pruned() {
    return masks.values().stream().mapToLong(TensorMask::pruned).sum();
  }

  /**
   * Writes the masks (atomically: a temporary file in the same folder, then a rename).
   *
   * @param file the safetensors file to write
   * @throws IOException if writing fails
   */
  public void save(Path file) throws IOException {
    SafetensorsWriter w = SafetensorsWriter.create();
    provenance.toMetadata().forEach(w::metadata);
    for (TensorMask t : masks.values()) {
      w.put(t.key(), SafetensorsDType.U8, t.shape(), t.bytes());
    }
    w.write(file);
    LOG.info("wrote {} masks ({} of {} weights pruned) to {}", masks.size(), pruned(), parameters(), file);
  }

  /**
   * Reads masks written by {@link #save(Path)}.
   *
   * @param file the safetensors file
   * @return the masks
   * @throws IOException if reading fails
   * @throws MalformedSafetensorsException if the file is not valid safetensors
   * @throws IllegalArgumentException if a tensor is not a uint8 {@code .weight_mask} of 0/1 bytes or
   *     the metadata is not ours; messages name the file
   */
  public static PruningMasks load(Path file) throws IOException, MalformedSafetensorsException {
    try (SafetensorsFile f = SafetensorsFile.open(file)) {
      MaskProvenance prov = MaskProvenance.fromMetadata(f.metadata(), file.toString());
      java.util.List<TensorMask> list = new java.util.ArrayList<>();
      for (String name : f.names()) {
        TensorInfo info = f.info(name);
        if (!name.endsWith(KEY_SUFFIX)) {
          throw new IllegalArgumentException(file + ": tensor '" + name + "' is not a mask (keys end with "
              + KEY_SUFFIX + ")");
        }
        if (info.dtype() != SafetensorsDType.U8) {
          throw new IllegalArgumentException(file + ": mask '" + name + "' is " + info.dtype() + ", expected U8");
        }
        ByteBuffer buf = f.rawBytes(name);
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        String path = name.substring(0, name.length() - KEY_SUFFIX.length());
        try {
          list.add(new TensorMask(path, info.shape(), bytes));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
      }
      return new PruningMasks(list, prov);
    }
  }

  /**
   * Re-applies the masks: {@code weight *= mask} for every masked {@code Linear} weight of the tree,
   * so pruned weights become exactly 0. Safe to repeat; cheap enough to run after every optimizer step.
   *
   * @param root the block tree the masks were made for
   * @throws IllegalArgumentException if a masked module is missing, not a {@code Linear}, or its
   *     weight's shape differs from the mask's
   */
  public void apply(Block root) {
    for (TensorMask t : masks.values()) {
      Parameter p = LinearWeights.at(root, t.modulePath());
      NDArray w = weightArray(p, t);
      try (NDManager sub = w.getManager().newSubManager()) {
        NDArray m = sub.create(ByteBuffer.wrap(t.bytes()), w.getShape(), DataType.UINT8);
        multiplyInPlace(w, m.toType(w.getDataType(), false));
      }
    }
  }

  /** The parameter's array, after checking it is initialised and shaped like the mask. */
  static NDArray weightArray(Parameter p, TensorMask t) {
    if (!p.isInitialized()) {
      throw new IllegalStateException("weight of '" + t.modulePath() + "' is not initialised yet");
    }
    NDArray w = p.getArray();
    if (!Arrays.equals(w.getShape().getShape(), t.shape())) {
      throw new IllegalArgumentException("mask for '" + t.modulePath() + "' has shape "
          + new Shape(t.shape()) + " but the weight is " + w.getShape());
    }
    return w;
  }

  /**
   * {@code w *= m} in place, outside autograd: a weight that requires a gradient may not be modified
   * in place by a recorded op, so the product is computed and copied back into the weight's storage.
   */
  static void multiplyInPlace(NDArray w, NDArray m) {
    NDArray product = w.mul(m);
    w.set(product.toByteBuffer());
    product.close();
  }

  @Override
  public String toString() {
    return "PruningMasks[" + masks.size() + " tensors, " + pruned() + "/" + parameters() + " pruned, "
        + provenance.method() + "]";
  }
}
