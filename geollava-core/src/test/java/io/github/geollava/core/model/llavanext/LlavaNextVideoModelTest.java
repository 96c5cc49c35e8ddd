package io.github.geollava.core.model.llavanext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geollava.core.config.HfConfigs;
import io.github.geollava.core.config.LlavaNextVideoConfig;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.safetensors.SafetensorsCheckpoint;
import io.github.geollava.core.safetensors.SafetensorsDType;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlavaNextVideoModelTest {

  @TempDir Path tmp;

  private NDManager manager;
  private LlavaNextVideoConfig tiny;
  private NDArray ids;
  private NDArray mask;
  private NDArray pixels;

  @BeforeEach
  void setUp() throws Exception {
    manager = NDManager.newBaseManager(Device.cpu());
    tiny = HfConfigs.readLlavaNextVideo(Golden.modelDir());
    ids = Golden.longs(manager, "input_ids", 1, 45);
    mask = Golden.longs(manager, "attention_mask", 1, 45);
    pixels = Golden.floats(manager, "pixel_values_videos", 1, 2, 3, 56, 56);
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void saveThenLoadGivesIdenticalLogits() throws Exception {
    try (LlavaNextVideoModel a = LlavaNextVideoModel.create(tiny, 7, Device.cpu())) {
      a.save(tmp);
      assertThat(tmp.resolve("config.json")).exists();
      try (LlavaNextVideoModel b = LlavaNextVideoModel.load(tmp, Device.cpu());
          SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(tmp)) {
        assertThat(ckpt.names()).hasSize(65);
        assertThat(ckpt.metadata()).containsEntry("format", "pt");
        assertThat(ckpt.metadata().get("geollava_provenance")).contains("create(seed=7)");
        assertThat(b.config()).isEqualTo(a.config());
        NDArray la = a.logits(ids, mask, pixels, null);
        NDArray lb = b.logits(ids, mask, pixels, null);
        assertThat(Golden.maxAbsDiff(la, lb)).isZero();
      }
    }
  }

  @Test
  void seededCreationIsDeterministicAndFollowsTransformersInit() {
    try (LlavaNextVideoModel a = LlavaNextVideoModel.create(tiny, 1, Device.cpu());
        LlavaNextVideoModel b = LlavaNextVideoModel.create(tiny, 1, Device.cpu());
        LlavaNextVideoModel c = LlavaNextVideoModel.create(tiny, 2, Device.cpu())) {
      Map<String, Parameter> pa = ModulePaths.parameters(a.block());
      Map<String, Parameter> pb = ModulePaths.parameters(b.block());
      Map<String, Parameter> pc = ModulePaths.parameters(c.block());
      String q = "language_model.model.layers.0.self_attn.q_proj.weight";
      assertThat(pa.get(q).getArray().toFloatArray()).containsExactly(pb.get(q).getArray().toFloatArray());
      assertThat(pa.get(q).getArray().toFloatArray()).isNotEqualTo(pc.get(q).getArray().toFloatArray());
      assertThat(pa.get("language_model.model.norm.weight").getArray().toFloatArray()).containsOnly(1f);
      assertThat(pa.get("multi_modal_projector.linear_1.bias").getArray().toFloatArray()).containsOnly(0f);
      double sq = 0;
      float[] w = pa.get(q).getArray().toFloatArray();
      for (float x : w) {
        sq += x * x;
      }
      double std = Math.sqrt(sq / w.length);
      assertThat(std).isBetween(0.015, 0.025);
    }
  }

  @Test
  void loadsTheNewKeyLayout() throws Exception {
    Path dir = tmp.resolve("new");
    Files.createDirectories(dir);
    Files.copy(Golden.modelDir().resolve("config.json"), dir.resolve("config.json"));
    SafetensorsWriter w = SafetensorsWriter.create().metadata("format", "pt");
    try (SafetensorsCheckpoint old = SafetensorsCheckpoint.open(Golden.modelDir())) {
      for (String k : old.names()) {
        w.putFloats(newLayout(k), old.readFloats(k), old.info(k).shape());
      }
    }
    w.write(dir.resolve("model.safetensors"));
    try (SafetensorsCheckpoint renamed = SafetensorsCheckpoint.open(dir)) {
      assertThat(renamed.names()).contains("model.language_model.layers.0.self_attn.q_proj.weight",
          "lm_head.weight", "model.vision_tower.vision_model.pre_layrnorm.weight",
          "model.multi_modal_projector.linear_2.bias", "model.image_newline");
    }
    try (LlavaNextVideoModel m = LlavaNextVideoModel.load(dir, Device.cpu())) {
      NDArray expected = Golden.floats(manager, "logits", 1, 45, 128);
      assertThat(Golden.maxAbsDiff(m.logits(ids, mask, pixels, null), expected)).isLessThan(1e-4f);
    }
  }

  private static String newLayout(String legacy) {
    if (legacy.startsWith("language_model.model.")) {
      return "model.language_model." + legacy.substring("language_model.model.".length());
    }
    if (legacy.startsWith("language_model.lm_head.")) {
      return legacy.substring("language_model.".length());
    }
    return "model." + legacy;
  }

  @Test
  void everyCheckpointKeyIsUsedAndEveryParameterFilled() throws Exception {
    try (SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(Golden.modelDir());
        LlavaNextVideoModel m = LlavaNextVideoModel.load(Golden.modelDir(), Device.cpu())) {
      Map<String, Parameter> params = ModulePaths.parameters(m.block());
      assertThat(params.keySet()).containsExactlyInAnyOrderElementsOf(ckpt.names());
      for (Map.Entry<String, Parameter> e : params.entrySet()) {
        float[] want = ckpt.readFloats(e.getKey());
        assertThat(e.getValue().getArray().toFloatArray()).as(e.getKey()).containsExactly(want);
      }
      assertThat(m.parameterCount()).isEqualTo(120_800L);
    }
  }

  @Test
  void strictLoadingListsMissingUnexpectedAndMisshapenKeys() throws Exception {
    Path dir = tmp.resolve("bad");
    Files.createDirectories(dir);
    Files.copy(Golden.modelDir().resolve("config.json"), dir.resolve("config.json"));
    SafetensorsWriter w = SafetensorsWriter.create();
    try (SafetensorsCheckpoint old = SafetensorsCheckpoint.open(Golden.modelDir())) {
      for (String k : old.names()) {
        if (k.equals("language_model.model.norm.weight")) {
          continue; // missing
        }
        if (k.equals("multi_modal_projector.linear_2.bias")) {
          w.putFloats(k, new float[3], 3); // wrong shape
          continue;
        }
        w.putFloats(k, old.readFloats(k), old.info(k).shape());
      }
    }
    w.putFloats("language_model.model.layers.9.mlp.up_proj.weight", new float[4], 2, 2); // unexpected
    // a buffer old transformers versions saved: recognised and skipped
    w.put("vision_tower.vision_model.embeddings.position_ids", SafetensorsDType.I64, new long[] {1, 1},
        new byte[8]);
    w.write(dir.resolve("model.safetensors"));
    assertThatThrownBy(() -> LlavaNextVideoModel.load(dir, Device.cpu()))
        .isInstanceOf(CheckpointMismatchException.class)
        .hasMessageContaining("1 missing keys: language_model.model.norm.weight")
        .hasMessageContaining("1 unexpected keys: language_model.model.layers.9.mlp.up_proj.weight")
        .hasMessageContaining("multi_modal_projector.linear_2.bias: checkpoint [3] vs model [64]")
        .satisfies(e -> assertThat(((CheckpointMismatchException) e).missing()).hasSize(1));
  }

  @Test
  void failsClearlyWhenVideoTokensAndFeaturesDisagree() {
    try (LlavaNextVideoModel m = LlavaNextVideoModel.create(tiny, 3, Device.cpu())) {
      NDArray shortIds = ids.get(new NDIndex(":, 0:40")); // 32 video tokens, 40 positions
      NDArray threeFrames = pixels.concat(pixels.get(new NDIndex(":, 0:1")), 1); // 48 features
      assertThatThrownBy(() -> m.logits(shortIds, null, threeFrames, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32 video tokens")
          .hasMessageContaining("48 features");
      assertThatThrownBy(() -> m.logits(ids, mask, null, null))
          .hasMessageContaining("no pixel_values_videos");
    }
  }

  @Test
  void leftPaddedRowsMatchTheirUnpaddedRun() throws Exception {
    try (LlavaNextVideoModel m = LlavaNextVideoModel.load(Golden.modelDir(), Device.cpu())) {
      // row 1 drops the first 3 tokens and is left-padded with 3 zeros
      NDArray tail = ids.get(new NDIndex(":, 3:"));
      NDArray padded = manager.zeros(new Shape(1, 3), DataType.INT64).concat(tail, 1);
      NDArray batchIds = ids.concat(padded, 0);
      NDArray batchMask = mask.concat(manager.zeros(new Shape(1, 3), DataType.INT64)
          .concat(manager.ones(new Shape(1, 42), DataType.INT64), 1), 0);
      NDArray batchPixels = pixels.concat(pixels, 0);
      NDArray batch = m.logits(batchIds, batchMask, batchPixels, null);
      NDArray alone = m.logits(tail, null, pixels, null);
      NDArray fullAlone = m.logits(ids, mask, pixels, null);
      assertThat(Golden.maxAbsDiff(batch.get(new NDIndex("1:2, 3:, :")), alone)).isLessThan(1e-4f);
      assertThat(Golden.maxAbsDiff(batch.get(new NDIndex("0:1, :, :")), fullAlone)).isLessThan(1e-4f);
    }
  }

  @Test
  void gradientsFlowToTheHeadAndThroughTheVisionTower() throws Exception {
    try (LlavaNextVideoModel m = LlavaNextVideoModel.load(Golden.modelDir(), Device.cpu());
        NDManager sub = manager.newSubManager()) {
      Map<String, Parameter> params = ModulePaths.parameters(m.block());
      ParameterStore store = new ParameterStore(sub, false);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = m.block().forward(store, new NDList(ids, mask, pixels), true).singletonOrThrow();
        NDArray loss = logits.logSoftmax(2).get(new NDIndex(":, :, 5")).neg().mean();
        gc.backward(loss);
      }
      for (String name : new String[] {"language_model.lm_head.weight",
          "language_model.model.layers.0.self_attn.q_proj.weight",
          "multi_modal_projector.linear_1.weight",
          "vision_tower.vision_model.encoder.layers.0.mlp.fc1.weight",
          "vision_tower.vision_model.embeddings.patch_embedding.weight"}) {
        NDArray g = params.get(name).getArray().getGradient();
        assertThat(g.abs().sum().getFloat()).as(name).isGreaterThan(0f);
        g.close();
      }
    }
  }

  @Test
  void tiedEmbeddingsShareOneMatrixAndAreNotSavedTwice() throws Exception {
    ObjectNode json = tiny.toJson();
    ((ObjectNode) json.get("text_config")).put("tie_word_embeddings", true);
    LlavaNextVideoConfig tied = LlavaNextVideoConfig.fromJson(json);
    Path dir = tmp.resolve("tied");
    try (LlavaNextVideoModel a = LlavaNextVideoModel.create(tied, 5, Device.cpu())) {
      Map<String, Parameter> p = ModulePaths.parameters(a.block());
      assertThat(p.get("language_model.lm_head.weight").getArray())
          .isSameAs(p.get("language_model.model.embed_tokens.weight").getArray());
      assertThat(a.parameterCount()).isEqualTo(120_800L - 128 * 64);
      a.save(dir);
      try (SafetensorsCheckpoint ckpt = SafetensorsCheckpoint.open(dir)) {
        assertThat(ckpt.names()).doesNotContain("language_model.lm_head.weight").hasSize(64);
      }
      try (LlavaNextVideoModel b = LlavaNextVideoModel.load(dir, Device.cpu())) {
        assertThat(Golden.maxAbsDiff(a.logits(ids, mask, pixels, null), b.logits(ids, mask, pixels, null)))
            .isZero();
      }
    }
  }

  @Test
  void inferenceLeavesNoTemporariesBehind() {
    try (LlavaNextVideoModel m = LlavaNextVideoModel.create(tiny, 4, Device.cpu());
        NDManager calls = manager.newSubManager()) {
      NDArray callerIds = ids.duplicate();
      callerIds.attach(calls);
      int before = m.manager().getManagedArrays().size();
      int callerBefore = calls.getManagedArrays().size();
      try (var cache = m.newCache()) {
        NDArray step = m.logits(callerIds, null, pixels, cache);
        for (int i = 0; i < 3; i++) {
          NDArray next = calls.create(new long[] {7}).reshape(1, 1);
          step = m.logits(next, calls.ones(new Shape(1, 46 + i), DataType.INT64), null, cache);
        }
        assertThat(step.getShape()).isEqualTo(new Shape(1, 1, 128));
      }
      assertThat(m.manager().getManagedArrays()).hasSize(before);
      // the caller's manager holds at most its own step inputs (ids, reshaped ids, mask) and the 4 logits
      assertThat(calls.getManagedArrays().size() - callerBefore).isBetween(4, 4 + 3 * 3);
    }
  }

  @Test
  void halfPrecisionIsRefusedOnTheCpu() {
    assertThatThrownBy(() -> LlavaNextVideoModel.load(Golden.modelDir(), Device.cpu(), DataType.FLOAT16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a GPU");
  }

  @Test
  void shardedCheckpointsLoad() throws Exception {
    Path dir = tmp.resolve("sharded");
    Files.createDirectories(dir);
    Files.copy(Golden.modelDir().resolve("config.json"), dir.resolve("config.json"));
    SafetensorsWriter first = SafetensorsWriter.create();
    SafetensorsWriter second = SafetensorsWriter.create();
    StringBuilder map = new StringBuilder();
    try (SafetensorsCheckpoint old = SafetensorsCheckpoint.open(Golden.modelDir())) {
      for (String k : old.names()) {
        boolean vision = k.startsWith("vision_tower");
        (vision ? first : second).putFloats(k, old.readFloats(k), old.info(k).shape());
        String file = vision ? "model-00001-of-00002.safetensors" : "model-00002-of-00002.safetensors";
        map.append(map.length() == 0 ? "" : ",").append('"').append(k).append("\":\"").append(file).append('"');
      }
    }
    first.write(dir.resolve("model-00001-of-00002.safetensors"));
    second.write(dir.resolve("model-00002-of-00002.safetensors"));
    Files.writeString(dir.resolve("model.safetensors.index.json"),
        "{\"metadata\":{\"total_size\":483200},\"weight_map\":{" + map + "}}");
    try (LlavaNextVideoModel m = LlavaNextVideoModel.load(dir, Device.cpu())) {
      NDArray expected = Golden.floats(manager, "logits", 1, 45, 128);
      assertThat(Golden.maxAbsDiff(m.logits(ids, mask, pixels, null), expected)).isLessThan(1e-4f);
    }
    Files.move(dir, tmp.resolve("moved"), StandardCopyOption.ATOMIC_MOVE);
  }
}
