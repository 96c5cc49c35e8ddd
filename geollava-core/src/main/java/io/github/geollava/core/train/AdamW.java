package io.github.geollava.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * AdamW with decoupled weight decay, as PyTorch's {@code torch.optim.AdamW} (single-tensor path):
 * {@code p -= lr * wd * p}; {@code m = b1 m + (1 - b1) g}; {@code v = b2 v + (1 - b2) g^2};
 * {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 *
 * <p>This is the optimizer <em>state</em> (step count and both moments of every trained parameter),
 * created eagerly so that per-step memory scopes never own it, and saved with checkpoints so a resumed
 * run continues exactly. Weight decay skips biases and norm weights, as Hugging Face's Trainer does.
 */
public final class AdamW implements AutoCloseable {

  private final Map<String, Parameter> params;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();
  private final TrainingConfig config;
  private long step;

  /**
   * Creates zero moments for each parameter.
   *
   * @param params the parameters to train, by name
   * @param config betas, epsilon and weight decay
   * @param manager where the moments live (the model's manager, never a per-step scope)
   */
  public AdamW(Map<String, Parameter> params, TrainingConfig config, NDManager manager) {
    this.params = new LinkedHashMap<>(params);
    this.config = config;
    for (Map.Entry<String, Parameter> e : this.params.entrySet()) {
      NDArray w = e.getValue().getArray();
      m.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
      v.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType(), w.getDevice()));
    }
  }

  /** Whether weight decay applies to a parameter: not to biases and norm weights. */
  public static boolean decays(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return !(n.endsWith("bias") || n.contains("norm") || n.contains("layrnorm"));
  }

  /**
   * Takes one step on the current gradients. Temporaries are created here: call it inside an
   * {@code NDScope} or sub-manager.
   *
   * @param lr the learning rate of this step
   * @param gradScale the factor applied to every gradient first (gradient clipping)
   */
  public void update(double lr, double gradScale) {
    step++;
    double b1 = config.beta1();
    double b2 = config.beta2();
    double bc1 = 1 - Math.pow(b1, step);
    double bc2Sqrt = Math.sqrt(1 - Math.pow(b2, step));
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      NDArray w = e.getValue().getArray();
      NDArray g = w.getGradient();
      if (gradScale != 1.0) {
        g = g.mul((float) gradScale);
      }
      if (config.weightDecay() > 0 && decays(e.getKey())) {
        w.muli((float) (1 - lr * config.weightDecay()));
      }
      NDArray mt = m.get(e.getKey());
      NDArray vt = v.get(e.getKey());
      mt.muli((float) b1).addi(g.mul((float) (1 - b1)));
      vt.muli((float) b2).addi(g.square().muli((float) (1 - b2)));
      NDArray denom = vt.sqrt().divi((float) bc2Sqrt).addi((float) config.epsilon());
      w.subi(mt.div(denom).muli((float) (lr / bc1)));
    }
  }

  /** Steps taken. */
  public long step() {
    return step;
  }

  /** Adds {@code m.<name>} and {@code v.<name>} of every parameter to a checkpoint file. */
  void save(SafetensorsWriter out) {
    for (String name : params.keySet()) {
      out.put("m." + name, m.get(name));
      out.put("v." + name, v.get(name));
    }
    out.metadata("adamw_step", Long.toString(step));
  }

  /**
   * Restores the moments and the step from a checkpoint file.
   *
   * @throws IllegalStateException naming the tensor that is missing or has another shape
   */
  void load(SafetensorsFile in) {
    for (String name : params.keySet()) {
      for (String k : new String[] {"m.", "v."}) {
        NDArray target = (k.equals("m.") ? m : v).get(name);
        if (!in.contains(k + name)) {
          throw new IllegalStateException(in.path() + ": optimizer state has no tensor " + k + name);
        }
        long[] shape = in.info(k + name).shape();
        if (!Arrays.equals(shape, target.getShape().getShape())) {
          throw new IllegalStateException(in.path() + ": tensor " + k + name + " has shape "
              + Arrays.toString(shape) + " but the parameter has " + target.getShape());
        }
        target.set(in.readFloats(k + name));
      }
    }
    String s = in.metadata().get("adamw_step");
    if (s == null) {
      throw new IllegalStateException(in.path() + ": no adamw_step in the metadata");
    }
    step = Long.parseLong(s);
  }

  @Override
  public void close() {
    m.values().forEach(NDArray::close);
    v.values().forEach(NDArray::close);
  }
}
