package io.github.geollava.core.model.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class KvCacheTest {

  @Test
  void appendsAlongTheTimeAxisAndFreesOnClose() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      KvCache cache = new KvCache(m, 2);
      assertThat(cache.length()).isZero();
      assertThat(cache.batchSize()).isEqualTo(-1);
      NDArray[] kv = cache.append(0, m.ones(new Shape(1, 2, 3, 4)), m.zeros(new Shape(1, 2, 3, 4)));
      cache.append(1, m.ones(new Shape(1, 2, 3, 4)), m.zeros(new Shape(1, 2, 3, 4)));
      assertThat(kv[0].getShape()).isEqualTo(new Shape(1, 2, 3, 4));
      NDArray[] next = cache.append(0, m.full(new Shape(1, 2, 1, 4), 5f), m.zeros(new Shape(1, 2, 1, 4)));
      assertThat(next[0].getShape()).isEqualTo(new Shape(1, 2, 4, 4));
      assertThat(next[0].get("0, 0, 3, 0").getFloat()).isEqualTo(5f);
      assertThat(cache.length()).isEqualTo(4);
      assertThat(cache.batchSize()).isEqualTo(1);
      cache.close();
      assertThat(next[0].isReleased()).isTrue();
      assertThatThrownBy(cache::length).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void needsLayers() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      assertThatThrownBy(() -> new KvCache(m, 0)).hasMessageContaining("layers must be > 0");
    }
  }
}
