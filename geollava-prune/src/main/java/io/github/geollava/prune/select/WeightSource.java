package io.github.geollava.prune.select;

/**
 * An ordered list of weight tensors that can be read one at a time, possibly more than once: a
 * model's layers, a checkpoint's shards, or weights generated on the fly. Global selection reads each
 * tensor three times, so a source that re-reads from disk or regenerates never needs all tensors in
 * memory at once. The order defines the global tie order.
 */
public interface WeightSource {

  /** The number of tensors. */
  int tensorCount();

  /**
   * The tensor's name, for messages and reports.
   *
   * @param index the tensor, in [0, tensorCount())
   * @return its name
   */
  String name(int index);

  /**
   * The tensor's weights, row-major. Callers never modify the array and stop reading it before their
   * next call from the same thread, so a source may hand out a fresh array or reuse one buffer per
   * thread (streaming sources do, to avoid allocating gigabytes). Called from several threads at once
   * when a selection runs with parallelism above 1.
   *
   * @param index the tensor, in [0, tensorCount())
   * @return its weights
   */
  float[] weights(int index);

  /**
   * A source over arrays already in memory.
   *
   * @param names the names, one per tensor
   * @param arrays the weights, one array per tensor
   * @return the source
   */
  static WeightSource of(java.util.List<String> names, java.util.List<float[]> arrays) {
    if (names.size() != arrays.size()) {
      throw new IllegalArgumentException(
          "names has " + names.size() + " entries but arrays has " + arrays.size());
    }
    java.util.List<String> n = java.util.List.copyOf(names);
    java.util.List<float[]> a = java.util.List.copyOf(arrays);
    return new WeightSource() {
      @Override
      public int tensorCount() {
        return n.size();
      }

      @Override
      public String name(int index) {
        return n.get(index);
      }

      @Override
      public float[] weights(int index) {
        return a.get(index);
      }
    };
  }
}
