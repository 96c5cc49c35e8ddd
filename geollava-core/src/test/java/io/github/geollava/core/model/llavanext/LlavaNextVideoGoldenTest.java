package io.github.geollava.core.model.llavanext;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import io.github.geollava.core.model.Intermediates;
import io.github.geollava.core.model.llama.KvCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * THE acceptance test: the tiny random LLaVA-NeXT-Video written by transformers 4.45.1, loaded through
 * the real loader, must reproduce transformers' intermediates, logits and greedy tokens within 1e-4.
 */
class LlavaNextVideoGoldenTest {

  private static final Logger LOG = LoggerFactory.getLogger(LlavaNextVideoGoldenTest.class);
  private static final float TOL = 1e-4f;

  private static LlavaNextVideoModel model;
  private static NDManager manager;
  private static NDArray inputIds;
  private static NDArray mask;
  private static NDArray pixels;

  @BeforeAll
  static void load() throws Exception {
    model = LlavaNextVideoModel.load(Golden.modelDir(), Device.cpu());
    manager = NDManager.newBaseManager(Device.cpu());
    inputIds = Golden.longs(manager, "input_ids", 1, 45);
    mask = Golden.longs(manager, "attention_mask", 1, 45);
    pixels = Golden.floats(manager, "pixel_values_videos", 1, 2, 3, 56, 56);
  }

  @AfterAll
  static void close() {
    manager.close();
    model.close();
  }

  @Test
  void everyIntermediateAndTheLogitsMatchTransformers() throws Exception {
    try (NDManager m = manager.newSubManager()) {
      Intermediates t = model.forwardWithIntermediates(inputIds, mask, pixels, m);
      Map<String, NDArray[]> pairs = new LinkedHashMap<>();
      for (int i = 0; i < 3; i++) {
        pairs.put("vision_hidden_" + i, new NDArray[] {
          t.get("vision_hidden_" + i), Golden.floats(m, "vision_hidden_" + i, 2, 65, 32)});
      }
      pairs.put("vision_selected", new NDArray[] {
        t.get("vision_selected"), Golden.floats(m, "vision_selected", 2, 64, 32)});
      pairs.put("vision_pooled", new NDArray[] {
        t.get("vision_pooled"), Golden.floats(m, "vision_pooled", 2, 16, 32)});
      pairs.put("video_features", new NDArray[] {
        t.get("video_features"), Golden.floats(m, "video_features", 32, 64)});
      pairs.put("inputs_embeds", new NDArray[] {
        t.get("inputs_embeds"), Golden.floats(m, "lm_hidden_0_inputs_embeds", 1, 45, 64)});
      pairs.put("layer_0", new NDArray[] {
        t.get("layer_0"), Golden.floats(m, "lm_hidden_1_after_layer0", 1, 45, 64)});
      pairs.put("layer_1", new NDArray[] {
        t.get("layer_1"), Golden.floats(m, "lm_last_layer_out_prenorm", 1, 45, 64)});
      pairs.put("last_hidden_state", new NDArray[] {
        t.get("last_hidden_state"), Golden.floats(m, "last_hidden_state", 1, 45, 64)});
      pairs.put("logits", new NDArray[] {t.get("logits"), Golden.floats(m, "logits", 1, 45, 128)});
      for (Map.Entry<String, NDArray[]> e : pairs.entrySet()) {
        float d = Golden.maxAbsDiff(e.getValue()[0], e.getValue()[1]);
        LOG.info("golden parity {}: max abs diff {}", e.getKey(), d);
        assertThat(d).as(e.getKey()).isLessThanOrEqualTo(TOL);
      }
    }
  }

  @Test
  void publicLogitsEqualTheTracedLogits() throws Exception {
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = model.logits(inputIds, mask, pixels, null);
      assertThat(logits.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(Golden.maxAbsDiff(logits, Golden.floats(m, "logits", 1, 45, 128))).isLessThanOrEqualTo(TOL);
      logits.close();
    }
  }

  @Test
  void greedyTokensAndStepLogitsMatchWithTheCache() throws Exception {
    try (NDManager m = manager.newSubManager(); KvCache cache = model.newCache()) {
      NDArray expectedSteps = Golden.floats(m, "generate_step_logits", 1, 10, 128);
      long[] expectedIds = Golden.longArray("generate_new_ids");
      List<Long> got = new ArrayList<>();
      NDArray stepIds = inputIds;
      NDArray stepMask = mask;
      NDArray stepPixels = pixels;
      float worst = 0;
      for (int step = 0; step < 10; step++) {
        NDArray logits = model.logits(stepIds, stepMask, stepPixels, cache);
        NDArray last = logits.get(new NDIndex(":, -1, :")); // (1, V)
        worst = Math.max(worst, Golden.maxAbsDiff(last, expectedSteps.get(new NDIndex(":, {}, :", step))));
        long next = last.argMax(-1).getLong(0);
        got.add(next);
        stepIds = m.create(new long[] {next}).reshape(1, 1);
        stepMask = stepMask.concat(m.ones(new ai.djl.ndarray.types.Shape(1, 1), DataType.INT64), 1);
        stepPixels = null;
      }
      LOG.info("golden parity cached greedy step logits: max abs diff {}", worst);
      assertThat(got).containsExactly(box(expectedIds));
      assertThat(worst).isLessThanOrEqualTo(TOL);
      assertThat(cache.length()).isEqualTo(45 + 9);
    }
  }

  @Test
  void greedyTokensAndStepLogitsMatchWithoutTheCache() throws Exception {
    try (NDManager m = manager.newSubManager()) {
      NDArray expectedSteps = Golden.floats(m, "generate_step_logits", 1, 10, 128);
      long[] expectedIds = Golden.longArray("generate_new_ids");
      List<Long> got = new ArrayList<>();
      NDArray ids = inputIds;
      float worst = 0;
      for (int step = 0; step < 10; step++) {
        NDArray allOnes = m.ones(ids.getShape(), DataType.INT64);
        NDArray logits = model.lastLogits(ids, allOnes, pixels, null);
        NDArray last = logits.get(new NDIndex(":, -1, :"));
        worst = Math.max(worst, Golden.maxAbsDiff(last, expectedSteps.get(new NDIndex(":, {}, :", step))));
        long next = last.argMax(-1).getLong(0);
        got.add(next);
        ids = ids.concat(m.create(new long[] {next}).reshape(1, 1), 1);
      }
      LOG.info("golden parity no-cache greedy step logits: max abs diff {}", worst);
      assertThat(got).containsExactly(box(expectedIds));
      assertThat(worst).isLessThanOrEqualTo(TOL);
    }
  }

  private static Long[] box(long[] v) {
    Long[] out = new Long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
