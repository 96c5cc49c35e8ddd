package io.github.geollava.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenIdsTest {

  @Test
  void equalNormalFormsShareIdsAcrossThreads() {
    TokenIds ids = new TokenIds(s -> s.endsWith("s") ? s.substring(0, s.length() - 1) : s);
    assertThat(ids.id("roads")).isEqualTo(ids.id("road"));
    assertThat(ids.id("road")).isNotEqualTo(ids.id("river"));
    char[] buf = "xxroadxx".toCharArray();
    assertThat(ids.id(buf, 2, 4)).isEqualTo(ids.id("road"));
    ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
    IntStream.range(0, 5000).parallel().forEach(i -> seen.put(i % 50, ids.id("w" + (i % 50))));
    IntStream.range(0, 50).forEach(i -> assertThat(seen.get(i)).isEqualTo(ids.id("w" + i)));
  }

  @Test
  void manyDistinctTokensStayConsistent() {
    TokenIds ids = new TokenIds(s -> s);
    int[] first = new int[TokenIds.THREAD_LIMIT + 10];
    for (int i = 0; i < first.length; i++) {
      first[i] = ids.id("t" + i);
    }
    for (int i = 0; i < first.length; i += 997) {
      assertThat(ids.id("t" + i)).isEqualTo(first[i]);
    }
  }
}
