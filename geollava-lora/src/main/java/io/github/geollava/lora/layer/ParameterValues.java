package io.github.geollava.lora.layer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

/** Replaces the values of an initialised {@link Parameter} in place, keeping its trainability. */
public final class ParameterValues {

  private ParameterValues() {}

  /**
   * Overwrites a parameter's array with {@code values} (row-major, same element count). The native
   * tensor is swapped under the same NDArray object, so the block, optimizers and callers keep their
   * references; an in-place copy is avoided because autograd forbids it on a leaf that needs gradients.
   *
   * @param p an initialised parameter
   * @param values the new values
   * @throws IllegalArgumentException when the count differs, naming the parameter
   */
  public static void overwrite(Parameter p, float[] values) {
    NDArray cur = p.getArray();
    if (values.length != cur.size()) {
      throw new IllegalArgumentException(p.getName() + ": expected " + cur.getShape() + " = "
          + cur.size() + " values but found " + values.length);
    }
    try (NDArray src = cur.getManager().create(values, cur.getShape())) {
      // create() may wrap a Java-side buffer that dies with `src`: hand over an engine-owned copy.
      NDArray owned = src.duplicate();
      cur.intern(owned);
    }
    cur.setRequiresGradient(p.requiresGradient());
  }
}
