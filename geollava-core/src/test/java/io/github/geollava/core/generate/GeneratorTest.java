package io.github.geollava.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  private static NDManager manager;

  @BeforeAll
  static void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static NDArray pixels(int batch, long seed) {
    return manager.randomNormal(0, 1, new Shape(batch, 2, 3, 4, 4), ai.djl.ndarray.types.DataType.FLOAT32)
        .muli(1.0 + seed);
  }

  @Test
  void cacheAndNoCacheGiveTheSameTokensAndLogits() {
    FakeLm lm = new FakeLm(manager, 17, 1);
    PromptBatch prompt = PromptBatch.of(new long[] {1, 5, 9, 3});
    NDArray px = pixels(1, 0);
    GenerationOptions opts =
        GenerationOptions.builder().optMaxNewTokens(8).optReturnStepLogits(true).build();
    GenerationResult cached = Generator.of(lm).generate(prompt, px, opts);
    int cachedCalls = lm.calls;
    GenerationResult full =
        Generator.of(lm).generate(prompt, px, opts.toBuilder().optUseCache(false).build());
    assertThat(cached.sequence(0)).hasSize(8).containsExactly(full.sequence(0));
    for (int step = 0; step < 8; step++) {
      float[] x = cached.stepLogits(0, step);
      float[] y = full.stepLogits(0, step);
      for (int v = 0; v < x.length; v++) {
        assertThat(x[v]).isCloseTo(y[v], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
    assertThat(cachedCalls).isEqualTo(8);
    assertThat(lm.cacheClosed).isEqualTo(1);
    assertThat(cached.finishReason(0)).isEqualTo(FinishReason.MAX_NEW_TOKENS);
  }

  @Test
  void greedyTakesTheArgmaxOfTheRawLogits() {
    FakeLm lm = new FakeLm(manager, 11, 2);
    GenerationResult r =
        Generator.of(lm)
            .generate(
                PromptBatch.of(new long[] {1, 2}),
                null,
                GenerationOptions.builder().optMaxNewTokens(5).optReturnStepLogits(true).build());
    for (int step = 0; step < 5; step++) {
      assertThat(r.sequence(0)[step]).isEqualTo(Sampler.GREEDY.sample(r.stepLogits(0, step), null));
    }
  }

  @Test
  void leftPaddedBatchEqualsEachPromptAlone() {
    FakeLm lm = new FakeLm(manager, 19, 3);
    long[] p0 = {1, 4, 7, 2, 8, 8};
    long[] p1 = {1, 3};
    NDArray px = pixels(2, 1);
    GenerationOptions opts = GenerationOptions.builder().optMaxNewTokens(6).build();
    GenerationResult batched =
        Generator.of(lm).generate(PromptBatch.leftPad(List.of(p0, p1), 0), px, opts);
    GenerationResult alone0 =
        Generator.of(lm).generate(PromptBatch.of(p0), px.get("0:1"), opts);
    GenerationResult alone1 =
        Generator.of(lm).generate(PromptBatch.of(p1), px.get("1:2"), opts);
    assertThat(batched.sequence(0)).containsExactly(alone0.sequence(0));
    assertThat(batched.sequence(1)).containsExactly(alone1.sequence(0));
  }

  @Test
  void eosEndsARowWhileOthersContinue() {
    FakeLm lm = new FakeLm(manager, 13, 4);
    PromptBatch batch = PromptBatch.leftPad(List.of(new long[] {1, 2, 3}, new long[] {1, 6}), 0);
    GenerationResult free =
        Generator.of(lm).generate(batch, null, GenerationOptions.builder().optMaxNewTokens(6).build());
    long eos = free.sequence(0)[2];
    GenerationResult stopped =
        Generator.of(lm)
            .generate(
                batch,
                null,
                GenerationOptions.builder().optMaxNewTokens(6).optEosTokenIds(List.of(eos)).build());
    long[] row0 = stopped.sequence(0);
    assertThat(row0[row0.length - 1]).isEqualTo(eos);
    assertThat(row0.length).isLessThanOrEqualTo(3);
    assertThat(stopped.finishReason(0)).isEqualTo(FinishReason.EOS);
    // The other row is unaffected by row 0 finishing (padding is fed but never attended by row 1).
    long[] row1 = stopped.sequence(1);
    long[] free1 = free.sequence(1);
    int firstEos = indexOf(free1, eos);
    int expect = firstEos < 0 ? free1.length : firstEos + 1;
    assertThat(row1).containsExactly(java.util.Arrays.copyOf(free1, expect));
  }

  @Test
  void minNewTokensSuppressesEos() {
    FakeLm lm = new FakeLm(manager, 13, 4);
    PromptBatch p = PromptBatch.of(new long[] {1, 2, 3});
    long first = Generator.of(lm)
        .generate(p, null, GenerationOptions.builder().optMaxNewTokens(1).build())
        .sequence(0)[0];
    GenerationResult r =
        Generator.of(lm)
            .generate(
                p,
                null,
                GenerationOptions.builder()
                    .optMaxNewTokens(4)
                    .optMinNewTokens(2)
                    .optEosTokenIds(List.of(first))
                    .build());
    assertThat(r.sequence(0)[0]).isNotEqualTo(first);
    assertThat(r.sequence(0).length).isGreaterThanOrEqualTo(2);
  }

  @Test
  void streamingListenerSeesEveryTokenInOrder() {
    FakeLm lm = new FakeLm(manager, 13, 5);
    List<String> seen = new ArrayList<>();
    GenerationResult r =
        Generator.of(lm)
            .generate(
                PromptBatch.leftPad(List.of(new long[] {1, 2}, new long[] {3}), 0),
                null,
                GenerationOptions.builder().optMaxNewTokens(3).build(),
                (row, step, id) -> seen.add(row + ":" + step + ":" + id));
    assertThat(seen)
        .containsExactly(
            "0:0:" + r.sequence(0)[0], "1:0:" + r.sequence(1)[0],
            "0:1:" + r.sequence(0)[1], "1:1:" + r.sequence(1)[1],
            "0:2:" + r.sequence(0)[2], "1:2:" + r.sequence(1)[2]);
  }

  @Test
  void samplingIsDeterministicForASeedAndVariesAcrossSeeds() {
    FakeLm lm = new FakeLm(manager, 29, 6);
    PromptBatch p = PromptBatch.of(new long[] {1, 2, 3});
    GenerationOptions opts =
        GenerationOptions.builder()
            .optMaxNewTokens(12)
            .optDoSample(true)
            .optTemperature(2f)
            .optSeed(42)
            .build();
    long[] a = Generator.of(lm).generate(p, null, opts).sequence(0);
    long[] b = Generator.of(lm).generate(p, null, opts).sequence(0);
    assertThat(a).containsExactly(b);
    boolean differs = false;
    for (long seed = 43; seed < 48 && !differs; seed++) {
      long[] c =
          Generator.of(lm).generate(p, null, opts.toBuilder().optSeed(seed).build()).sequence(0);
      differs = !java.util.Arrays.equals(a, c);
    }
    assertThat(differs).isTrue();
  }

  @Test
  void stopStringsNeedATokenizer() {
    FakeLm lm = new FakeLm(manager, 13, 7);
    assertThatThrownBy(
            () ->
                Generator.of(lm)
                    .generate(
                        PromptBatch.of(new long[] {1}),
                        null,
                        GenerationOptions.builder().optStopStrings(List.of("x")).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenizer");
  }

  @Test
  void rejectsPixelBatchMismatch() {
    FakeLm lm = new FakeLm(manager, 13, 7);
    assertThatThrownBy(
            () ->
                Generator.of(lm)
                    .generate(PromptBatch.of(new long[] {1}), pixels(2, 0), GenerationOptions.GREEDY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch 2");
  }

  private static int indexOf(long[] a, long v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
