package io.github.geollava.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generation on the golden tiny LLaVA-NeXT-Video of transformers 4.45.1: greedy ids and per-step logits
 * must match {@code generate()}'s, with and without the KV cache, alone and inside a left-padded batch.
 */
class GeneratorGoldenTest {

  private static final float TOL = 1e-4f;
  private static final int VOCAB = 128;

  private static LlavaNextVideoModel model;
  private static NDManager manager;
  private static long[] prompt; // (45)
  private static NDArray pixels; // (1, 2, 3, 56, 56)
  private static float[] stepLogits; // (1, 10, 128)

  @BeforeAll
  static void load() throws Exception {
    model = LlavaNextVideoModel.load(GoldenFixture.modelDir(), Device.cpu());
    manager = NDManager.newBaseManager(Device.cpu());
    prompt = GoldenFixture.longs("input_ids");
    pixels =
        manager.create(GoldenFixture.floats("pixel_values_videos"), new Shape(1, 2, 3, 56, 56));
    stepLogits = GoldenFixture.floats("generate_step_logits");
  }

  @AfterAll
  static void close() {
    manager.close();
    model.close();
  }

  private static GenerationOptions greedy(boolean cache) {
    return GenerationOptions.builder()
        .optMaxNewTokens(10)
        .optUseCache(cache)
        .optReturnStepLogits(true)
        .build();
  }

  private static void assertMatchesGolden(GenerationResult r, int row) throws Exception {
    assertThat(r.sequence(row)).containsExactly(GoldenFixture.GREEDY_IDS);
    assertThat(r.sequence(row)).containsExactly(GoldenFixture.longs("generate_new_ids"));
    for (int step = 0; step < 10; step++) {
      float[] got = r.stepLogits(row, step);
      float[] want = Arrays.copyOfRange(stepLogits, step * VOCAB, (step + 1) * VOCAB);
      float max = 0;
      for (int v = 0; v < VOCAB; v++) {
        max = Math.max(max, Math.abs(got[v] - want[v]));
      }
      assertThat(max).as("step %d max abs diff", step).isLessThanOrEqualTo(TOL);
    }
  }

  @Test
  void greedyWithCacheMatchesTransformers() throws Exception {
    GenerationResult r = Generator.of(model).generate(PromptBatch.of(prompt), pixels, greedy(true));
    assertMatchesGolden(r, 0);
  }

  @Test
  void greedyWithoutCacheMatchesTransformers() throws Exception {
    GenerationResult r = Generator.of(model).generate(PromptBatch.of(prompt), pixels, greedy(false));
    assertMatchesGolden(r, 0);
  }

  @Test
  void generationLeavesNoNativeArraysBehind() {
    // Field notes: unscoped steps leak ~10 MB each; every step's arrays must be freed with it.
    int before = model.manager().getManagedArrays().size();
    int pixelsBefore = manager.getManagedArrays().size();
    for (boolean cache : new boolean[] {true, false}) {
      Generator.of(model).generate(PromptBatch.of(prompt), pixels, greedy(cache));
    }
    assertThat(model.manager().getManagedArrays()).hasSize(before);
    assertThat(manager.getManagedArrays()).hasSize(pixelsBefore);
  }

  @Test
  void leftPaddedBatchEqualsUnbatched() throws Exception {
    // A shorter second prompt with its own 32 video tokens and a different video.
    long[] shorter = new long[36];
    shorter[0] = 1;
    shorter[1] = 40;
    Arrays.fill(shorter, 2, 34, 127);
    shorter[34] = 9;
    shorter[35] = 61;
    try (NDManager m = manager.newSubManager()) {
      NDArray otherVideo = m.create(new float[] {0.5f}).mul(pixels.flip(4)); // mirrored, dimmer
      NDArray both = m.create(new float[] {1f}).mul(pixels).concat(otherVideo, 0);
      GenerationResult batched =
          Generator.of(model)
              .generate(PromptBatch.leftPad(List.of(prompt, shorter), 0), both, greedy(true));
      GenerationResult alone =
          Generator.of(model).generate(PromptBatch.of(shorter), otherVideo, greedy(true));
      assertMatchesGolden(batched, 0);
      assertThat(batched.sequence(1)).containsExactly(alone.sequence(0));
      for (int step = 0; step < 10; step++) {
        float[] x = batched.stepLogits(1, step);
        float[] y = alone.stepLogits(0, step);
        for (int v = 0; v < VOCAB; v++) {
          assertThat(Math.abs(x[v] - y[v])).isLessThanOrEqualTo(TOL);
        }
      }
    }
  }
}
