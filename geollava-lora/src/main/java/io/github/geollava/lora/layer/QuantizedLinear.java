package io.github.geollava.lora.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.lora.quant.DeviceQuantizedWeight;
import io.github.geollava.lora.quant.Fp4Tensor;
import io.github.geollava.lora.quant.Int8RowwiseTensor;
import io.github.geollava.lora.quant.Nf4Tensor;
import io.github.geollava.lora.quant.QuantFormat;
import io.github.geollava.lora.quant.QuantizedTensor;

/**
 * A frozen linear layer {@code y = x W^T + b} whose weight W (out, in) is stored quantized (NF4, FP4
 * or INT8) and dequantised to float32 inside every forward pass; only the optional bias is a DJL
 * {@link Parameter} (frozen). Shapes: x (..., in) to y (..., out).
 *
 * <p>The weight stays packed (see {@link DeviceQuantizedWeight}); its float32 copy lives for one
 * forward in inference, and in training until the step's scope closes when the input needs a
 * gradient (autograd keeps the weight for it).
 */
public final class QuantizedLinear extends AbstractBlock implements AutoCloseable {

  private final QuantizedTensor weight;
  private final DeviceQuantizedWeight device;
  private final Parameter bias; // null without bias
  private final int in;
  private final int out;
  private final NDManager manager;

  /**
   * Creates the layer.
   *
   * @param weight the quantized (out, in) weight
   * @param bias the (out) bias, or null; copied into a frozen parameter
   * @param manager the manager (and device) that holds the packed weight
   */
  public QuantizedLinear(QuantizedTensor weight, NDArray bias, NDManager manager) {
    long[] s = weight.shape();
    if (s.length != 2) {
      throw new IllegalArgumentException(
          "weight: a linear weight must be 2-D (out, in) but has shape " + java.util.Arrays.toString(s));
    }
    this.weight = weight;
    this.out = Math.toIntExact(s[0]);
    this.in = Math.toIntExact(s[1]);
    this.manager = manager;
    this.device = new DeviceQuantizedWeight(weight, manager);
    if (bias != null) {
      if (bias.getShape().size() != out) {
        throw new IllegalArgumentException(
            "bias: expected " + out + " values but found shape " + bias.getShape());
      }
      this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
          .optRequiresGrad(false).build());
      NDArray b = bias.duplicate();
      b.attach(manager);
      this.bias.setArray(b);
    } else {
      this.bias = null;
    }
  }

  /**
   * Quantizes a dense DJL {@link Linear} (initialised) into a new frozen quantized layer.
   *
   * @param linear the dense layer
   * @param format the storage format
   * @param blockSize the 4-bit block size (ignored for INT8)
   * @param doubleQuant whether to double-quantize 4-bit scales
   */
  public static QuantizedLinear quantize(
      Linear linear, QuantFormat format, int blockSize, boolean doubleQuant) {
    NDArray w = linear.getParameters().get("weight").getArray();
    Parameter bp = linear.getParameters().contains("bias") ? linear.getParameters().get("bias") : null;
    NDArray b = bp == null || !bp.isInitialized() ? null : bp.getArray();
    return new QuantizedLinear(quantize(w, format, blockSize, doubleQuant), b, w.getManager());
  }

  /** Quantizes a float (out, in) NDArray in the given format. */
  public static QuantizedTensor quantize(NDArray w, QuantFormat format, int blockSize, boolean dq) {
    float[] v = w.toFloatArray();
    long[] shape = w.getShape().getShape();
    return switch (format) {
      case NF4 -> Nf4Tensor.quantize(v, shape, blockSize, dq);
      case FP4 -> Fp4Tensor.quantize(v, shape, blockSize, dq);
      case INT8 -> Int8RowwiseTensor.quantize(v, Math.toIntExact(shape[0]), Math.toIntExact(shape[1]));
    };
  }

  /** The stored quantized weight. */
  public QuantizedTensor weight() {
    return weight;
  }

  /** The frozen bias parameter, or null. */
  public Parameter bias() {
    return bias;
  }

  /** The manager (and device) holding the packed weight. */
  public NDManager manager() {
    return manager;
  }

  /** Input features. */
  public int inFeatures() {
    return in;
  }

  /** Output features. */
  public int outFeatures() {
    return out;
  }

  /** Dequantises the weight to a new float32 (out, in) NDArray owned by {@code manager}. */
  public NDArray dequantizedWeight(NDManager manager) {
    return device.dequantize(manager);
  }

  /** Real bytes of the stored weight (packed codes and scales) plus the float32 bias. */
  public long storageBytes() {
    return weight.storageBytes() + (bias == null ? 0 : 4L * out);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // (..., in)
    NDArray b = bias == null ? null : ps.getValue(bias, x.getDevice(), training);
    if (!training) {
      // No autograd node will refer to the weight: a transient (reused) float copy suffices.
      return device.withTransientWeight(x.getManager(),
          w -> b == null ? Linear.linear(x, w) : Linear.linear(x, w, b)); // (..., out)
    }
    // Training: autograd may keep w for x's gradient, so w must be a fresh tensor that owns its memory.
    // Deciding by x.hasGradient() proved unreliable (wrong LoRA gradients in earlier layers), and a
    // tensor aliasing a Java direct buffer can be freed by the GC before backward reads it; the engine
    // copy costs one extra pass over the weight. bitsandbytes re-dequantises in backward instead; DJL
    // has no custom autograd functions, so the float copy of such a layer lives for the step.
    NDArray w;
    try (NDArray aliased = device.dequantize(x.getManager())) {
      w = aliased.duplicate(); // (out, in), engine-owned
    }
    return b == null ? Linear.linear(x, w) : Linear.linear(x, w, b); // (..., out)
  }

  /** Initialised once every parameter holds an array (the base arrives initialised). */
  @Override
  public boolean isInitialized() {
    for (Parameter p : getParameters().values()) {
      if (!p.isInitialized()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }

  /** Frees the packed device copy of the weight (the layer is unusable afterwards). */
  @Override
  public void close() {
    device.close();
  }

  @Override
  public String toString() {
    return "QuantizedLinear(" + in + " -> " + out + ", " + weight.format() + ")";
  }
}
