package io.github.geollava.lora.layer;

import io.github.geollava.core.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.geollava.lora.config.InitLoraWeights;
import io.github.geollava.lora.quant.QuantizedTensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LoRA layer: {@code y = base(x) + sum over active adapters of B(A(dropout(x))) * scaling}, with a
 * frozen base (a dense {@link Linear} or a {@link QuantizedLinear}) registered as child
 * {@code base_layer} and, per adapter, trainable parameters {@code lora_A.<name>.weight} (r, in) and
 * {@code lora_B.<name>.weight} (out, r): PEFT's module layout, so module paths and parameter names
 * line up with PEFT's state dict. Shapes: x (..., in), y (..., out).
 *
 * <p>{@link #merge()} folds the active adapters into the base weight (dense: in place;
 * quantized: dequantise, add, requantise, with a WARN) and {@link #unmerge()} takes them out again;
 * both are safe to repeat. A safe merge refuses a result with NaN or infinity.
 */
public final class LoraLinear extends AbstractBlock {

  private static final Logger LOG = LoggerFactory.getLogger(LoraLinear.class);

  /** Name of the first adapter, as in PEFT. */
  public static final String DEFAULT_ADAPTER = "default";

  private final int in;
  private final int out;
  private final NDManager manager;
  private final Map<String, Adapter> adapters = new LinkedHashMap<>();
  private final Set<String> active = new LinkedHashSet<>();
  private final Set<String> merged = new LinkedHashSet<>();
  private boolean disabled;

  /** One adapter's parameters and settings. */
  private record Adapter(String name, AdapterSettings settings, Parameter a, Parameter b) {}

  /**
   * Wraps a frozen base layer; its parameters are frozen here.
   *
   * @param base an initialised {@link Linear} or {@link QuantizedLinear}
   */
  public LoraLinear(Block base) {
    if (base instanceof Linear lin) {
      NDArray w = lin.getParameters().get("weight").getArray();
      out = Math.toIntExact(w.getShape().get(0));
      in = Math.toIntExact(w.getShape().get(1));
      manager = w.getManager();
    } else if (base instanceof QuantizedLinear q) {
      out = q.outFeatures();
      in = q.inFeatures();
      manager = q.manager();
    } else {
      throw new IllegalArgumentException("base: LoRA wraps a Linear or QuantizedLinear, not "
          + (base == null ? "null" : base.getClass().getName()));
    }
    base.freezeParameters(true);
    addChildBlock("base_layer", base);
  }

  /** The frozen base layer. */
  public Block base() {
    return children.get("01base_layer");
  }

  /** Input features. */
  public int inFeatures() {
    return in;
  }

  /** Output features. */
  public int outFeatures() {
    return out;
  }

  /**
   * Adds an adapter and makes it active (with the other active ones).
   *
   * @param name the adapter name (PEFT's first is {@code default})
   * @param settings rank, alpha, dropout, scaling rule and initialisation
   * @param arrays the manager that owns the new parameters (null: the base weight's)
   */
  public void addAdapter(String name, AdapterSettings settings, NDManager arrays) {
    if (name == null || name.isBlank() || name.contains(".")) {
      throw new IllegalArgumentException("adapter name: must be non-blank without dots but was '" + name + "'");
    }
    if (adapters.containsKey(name)) {
      throw new IllegalArgumentException("adapter name: '" + name + "' already exists on this layer");
    }
    NDManager m = arrays != null ? arrays : manager;
    if (m == null) {
      throw new IllegalArgumentException("arrays: a manager is needed for a base without parameters");
    }
    int r = settings.r();
    SplittableRandom rnd = new SplittableRandom(settings.seed());
    float[] a = new float[r * in];
    float[] b = new float[out * r];
    if (settings.init() == InitLoraWeights.GAUSSIAN) {
      double std = 1.0 / r;
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) (gaussian(rnd) * std);
      }
    } else {
      kaimingUniform(a, in, rnd);
      if (settings.init() == InitLoraWeights.RANDOM) {
        kaimingUniform(b, r, rnd);
      }
    }
    Parameter pa = newParameter("lora_A." + name + ".weight", m.create(a, new Shape(r, in)));
    Parameter pb = newParameter("lora_B." + name + ".weight", m.create(b, new Shape(out, r)));
    adapters.put(name, new Adapter(name, settings, pa, pb));
    active.add(name);
  }

  private Parameter newParameter(String name, NDArray value) {
    Parameter p = addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
        .optRequiresGrad(true).build());
    p.setArray(value);
    value.setRequiresGradient(true);
    return p;
  }

  // PEFT: nn.init.kaiming_uniform_(A, a=sqrt(5)) gives U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
  private static void kaimingUniform(float[] w, int fanIn, SplittableRandom rnd) {
    double bound = 1.0 / Math.sqrt(fanIn);
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
    }
  }

  private static double gaussian(SplittableRandom rnd) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Adapter names, in creation order. */
  public List<String> adapterNames() {
    return List.copyOf(adapters.keySet());
  }

  /** The settings of an adapter. */
  public AdapterSettings settings(String adapter) {
    return adapter(adapter).settings();
  }

  /** The (r, in) A parameter of an adapter. */
  public Parameter loraA(String adapter) {
    return adapter(adapter).a();
  }

  /** The (out, r) B parameter of an adapter. */
  public Parameter loraB(String adapter) {
    return adapter(adapter).b();
  }

  private Adapter adapter(String name) {
    Adapter a = adapters.get(name);
    if (a == null) {
      throw new IllegalArgumentException("adapter: no adapter '" + name + "' (have " + adapters.keySet() + ")");
    }
    return a;
  }

  /**
   * Replaces an adapter's weights (e.g. from a PEFT file), keeping the parameters and their
   * trainability.
   *
   * @param adapter the adapter name
   * @param a row-major (r, in) values
   * @param b row-major (out, r) values
   */
  public void setWeights(String adapter, float[] a, float[] b) {
    Adapter ad = adapter(adapter);
    if (!merged.isEmpty()) {
      throw new IllegalStateException("unmerge before replacing adapter weights (merged: " + merged + ")");
    }
    ParameterValues.overwrite(ad.a(), a);
    ParameterValues.overwrite(ad.b(), b);
  }

  /** Makes exactly these adapters active (PEFT {@code set_adapter}). */
  public void setActiveAdapters(String... names) {
    for (String n : names) {
      adapter(n);
    }
    if (!merged.isEmpty()) {
      throw new IllegalStateException("unmerge before changing the active adapters (merged: " + merged + ")");
    }
    active.clear();
    Collections.addAll(active, names);
  }

  /** The active adapters. */
  public List<String> activeAdapters() {
    return List.copyOf(active);
  }

  /** Disables (or re-enables) every adapter: forward then equals the base alone. */
  public void setAdaptersDisabled(boolean disabled) {
    if (disabled && !merged.isEmpty()) {
      throw new IllegalStateException("unmerge before disabling adapters (merged: " + merged + ")");
    }
    this.disabled = disabled;
  }

  /** Whether adapters are disabled. */
  public boolean adaptersDisabled() {
    return disabled;
  }

  /** The merged adapters (empty when unmerged). */
  public Set<String> mergedAdapters() {
    return Collections.unmodifiableSet(merged);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow(); // (..., in)
    NDArray y = base().forward(ps, inputs, training, params).singletonOrThrow(); // (..., out)
    if (disabled) {
      return new NDList(y);
    }
    for (String name : active) {
      if (merged.contains(name)) {
        continue;
      }
      Adapter ad = adapters.get(name);
      NDArray a = ps.getValue(ad.a(), x.getDevice(), training); // (r, in)
      NDArray b = ps.getValue(ad.b(), x.getDevice(), training); // (out, r)
      float p = (float) ad.settings().dropout();
      NDArray h = p > 0 ? Dropout.dropout(x, p, training).singletonOrThrow() : x; // (..., in)
      NDArray down = Linear.linear(h, a).singletonOrThrow(); // (..., r)
      NDArray up = Linear.linear(down, b).singletonOrThrow(); // (..., out)
      y = y.add(up.mul(Scalars.like(up, (float) ad.settings().scaling())));
    }
    return new NDList(y);
  }

  /** The update {@code scaling * B A} (out, r)(r, in) of one adapter, owned by {@code m}. */
  public NDArray delta(String adapter, NDManager m) {
    Adapter ad = adapter(adapter);
    NDArray a = ad.a().getArray();
    NDArray b = ad.b().getArray();
    try (NDArray ba = b.matMul(a)) { // (out, in), freed here: it belongs to B's manager
      NDArray d = ba.mul((float) ad.settings().scaling());
      d.attach(m);
      return d;
    }
  }

  /** Merges the active, not yet merged adapters into the base, refusing non-finite results. */
  public void merge() {
    merge(true);
  }

  /**
   * Merges the active adapters not merged yet (repeating is a no-op).
   *
   * @param safe whether to check the merged weight for NaN/infinity before committing it
   * @throws IllegalStateException (safe merge) naming the adapter when the result is not finite
   */
  public void merge(boolean safe) {
    if (disabled) {
      throw new IllegalStateException("adapters are disabled: enable them before merging");
    }
    for (String name : active) {
      if (merged.add(name)) {
        try {
          apply(name, 1f, safe);
        } catch (RuntimeException e) {
          merged.remove(name);
          throw e;
        }
      }
    }
  }

  /** Takes every merged adapter out of the base again (repeating is a no-op). */
  public void unmerge() {
    List<String> names = new ArrayList<>(merged);
    Collections.reverse(names);
    for (String name : names) {
      apply(name, -1f, false);
      merged.remove(name);
    }
  }

  private void apply(String name, float sign, boolean safe) {
    Block base = base();
    try (NDManager tmp = manager.newSubManager()) {
      NDArray delta = delta(name, tmp).mul(sign);
      if (base instanceof Linear lin) {
        NDArray w = lin.getParameters().get("weight").getArray();
        if (safe) {
          NDArray sum = delta.add(w); // first input decides the owner: keep it in tmp
          if (sum.isNaN().any().getBoolean() || sum.isInfinite().any().getBoolean()) {
            throw new IllegalStateException("safe merge: adapter '" + name
                + "' gives NaN or infinite weights; the base is unchanged");
          }
        }
        w.addi(delta);
      } else {
        QuantizedLinear q = (QuantizedLinear) base;
        QuantizedTensor qt = q.weight();
        LOG.warn("{} adapter '{}' into a {} base: dequantise, add, requantise (lossy)",
            sign > 0 ? "merging" : "unmerging", name, qt.format());
        NDArray w = q.dequantizedWeight(tmp).add(delta);
        if (safe && (w.isNaN().any().getBoolean() || w.isInfinite().any().getBoolean())) {
          throw new IllegalStateException("safe merge: adapter '" + name
              + "' gives NaN or infinite weights; the base is unchanged");
        }
        int blockSize = qt instanceof io.github.geollava.lora.quant.Nf4Tensor n ? n.blockSize()
            : qt instanceof io.github.geollava.lora.quant.Fp4Tensor f ? f.blockSize() : 64;
        boolean dq = qt instanceof io.github.geollava.lora.quant.Nf4Tensor n2 ? n2.nested().isPresent()
            : qt instanceof io.github.geollava.lora.quant.Fp4Tensor f2 && f2.nested().isPresent();
        QuantizedTensor requant = QuantizedLinear.quantize(w, qt.format(), blockSize, dq);
        NDArray bias = q.bias() == null ? null : q.bias().getArray();
        children.remove("01base_layer");
        addChildBlock("base_layer", new QuantizedLinear(requant, bias, q.manager()));
        q.close();
      }
    }
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
  protected void initializeChildBlocks(NDManager m, ai.djl.ndarray.types.DataType type, Shape... shapes) {
    base().initialize(m, type, shapes);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape s = inputShapes[0];
    return new Shape[] {s.slice(0, s.dimension() - 1).add(out)};
  }

  @Override
  public String toString() {
    return "LoraLinear(" + in + " -> " + out + ", base=" + base() + ", adapters=" + adapters.keySet()
        + ", active=" + active + ", merged=" + merged + ")";
  }
}
