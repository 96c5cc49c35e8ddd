package io.github.geollava.prune.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class StreamingSelectorTest {

  private static final Random RND = new Random(3);

  private static List<float[]> tensors(int count) {
    List<float[]> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(SelectionReference.tiedWeights(RND, 20 + RND.nextInt(200)));
    }
    return list;
  }

  private static WeightSource source(List<float[]> arrays) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < arrays.size(); i++) {
      names.add("t" + i);
    }
    return WeightSource.of(names, arrays);
  }

  private static ConcurrentHashMap<Integer, byte[]> run(StreamingSelector sel, WeightSource src) {
    ConcurrentHashMap<Integer, byte[]> masks = new ConcurrentHashMap<>();
    sel.select(src, (i, m, z) -> {
      long zeros = 0;
      for (byte b : m) {
        zeros += 1 - b;
      }
      assertThat(zeros).isEqualTo(z);
      assertThat(masks.put(i, m)).as("tensor %d delivered once", i).isNull();
    });
    return masks;
  }

  @Test
  void perLayerEqualsPerTensorSelection() {
    List<float[]> ts = tensors(9);
    for (int p : new int[] {1, 2}) {
      var masks = run(new StreamingSelector(Scope.LAYER, 0.37, p), source(ts));
      for (int i = 0; i < ts.size(); i++) {
        assertThat(masks.get(i)).containsExactly(MagnitudeSelector.mask(ts.get(i), 0.37));
      }
    }
  }

  @Test
  void globalEqualsSortOfTheConcatenationInTensorOrder() {
    for (int trial = 0; trial < 20; trial++) {
      List<float[]> ts = tensors(1 + RND.nextInt(8));
      int n = ts.stream().mapToInt(a -> a.length).sum();
      float[] all = new float[n];
      int off = 0;
      for (float[] a : ts) {
        System.arraycopy(a, 0, all, off, a.length);
        off += a.length;
      }
      double s = RND.nextDouble();
      byte[] expected = SelectionReference.mask(all, PruneCount.of(s, n));
      for (int p : new int[] {1, 2}) {
        var masks = run(new StreamingSelector(Scope.GLOBAL, s, p), source(ts));
        off = 0;
        for (int i = 0; i < ts.size(); i++) {
          byte[] want = java.util.Arrays.copyOfRange(expected, off, off + ts.get(i).length);
          assertThat(masks.get(i)).as("trial %d tensor %d p=%d", trial, i, p).containsExactly(want);
          off += ts.get(i).length;
        }
      }
    }
  }

  @Test
  void globalTiesGoToTheEarlierTensor() {
    List<float[]> ts = List.of(new float[] {2f, 1f, 1f}, new float[] {1f, 1f, 3f});
    // n = 6, k = 3 of four 1s: both in tensor 0, then the first of tensor 1.
    var masks = run(new StreamingSelector(Scope.GLOBAL, 0.5, 1), source(ts));
    assertThat(masks.get(0)).containsExactly(1, 0, 0);
    assertThat(masks.get(1)).containsExactly(0, 1, 1);
  }

  @Test
  void globalResultReportsCounts() {
    List<float[]> ts = List.of(new float[] {5f, 4f, 3f, 2f}, new float[] {1f, 0f});
    StreamingSelector.Result r = new StreamingSelector(Scope.GLOBAL, 0.5, 1).select(source(ts), (i, m, z) -> {});
    assertThat(r.parameters()).isEqualTo(6);
    assertThat(r.pruned()).isEqualTo(3);
    assertThat(r.globalThreshold().tau()).isEqualTo(2f);
  }

  @Test
  void validatesConfig() {
    assertThatThrownBy(() -> new StreamingSelector(Scope.LAYER, 0.1, 0)).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> new StreamingSelector(null, 0.1, 1)).hasMessageContaining("scope");
    assertThatThrownBy(() -> new StreamingSelector(Scope.LAYER, -0.1, 1)).hasMessageContaining("sparsity");
  }
}
