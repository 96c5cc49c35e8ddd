package io.github.geollava.dataset.pairs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededHashTest {

  @Test
  void mix64IsSplitMix64() {
    // SplitMix64 seeded with 0 returns mix64(golden gamma) first: the published first output.
    assertThat(SeededHash.mix64(0x9e3779b97f4a7c15L)).isEqualTo(0xe220a8397b1dcdafL);
    assertThat(SeededHash.mix64(0)).isZero();
  }

  @Test
  void seedZeroIsFnv1aThenMixed() {
    // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (published test vector); length 1 is folded in.
    assertThat(SeededHash.of(0, "a")).isEqualTo(SeededHash.mix64(0xaf63dc4c8601ec8cL ^ 1));
  }

  @Test
  void indexIsInRangeAndCoversAllChoices() {
    int[] seen = new int[6];
    for (int i = 0; i < 600; i++) {
      int k = SeededHash.index(42, "record-" + i, 6);
      assertThat(k).isBetween(0, 5);
      seen[k]++;
    }
    for (int c : seen) {
      assertThat(c).isBetween(60, 140);
    }
    assertThat(SeededHash.of(1, "x")).isNotEqualTo(SeededHash.of(2, "x"));
  }
}
