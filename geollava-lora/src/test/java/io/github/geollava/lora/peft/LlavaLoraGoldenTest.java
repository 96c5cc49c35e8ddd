package io.github.geollava.lora.peft;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.model.llama.KvCache;
import io.github.geollava.core.model.llavanext.LlavaNextVideoModel;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.lora.inject.InjectionReport;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.testing.GoldenTiny;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PEFT 0.13 adapter of the golden tiny LLaVA-NeXT-Video (core's fixture, see
 * {@link GoldenTiny}) loaded on the Java model: LoRA logits and greedy tokens, merged logits, and a
 * save that reproduces PEFT's file.
 */
class LlavaLoraGoldenTest {

  private static final float TOL = 1e-4f;
  private static final Path GOLDEN = GoldenTiny.root();

  private LlavaNextVideoModel model;
  private NDManager m;
  private NDArray ids;
  private NDArray mask;
  private NDArray pixels;

  @BeforeEach
  void setUp() throws Exception {
    model = LlavaNextVideoModel.load(GOLDEN.resolve("model"), Device.cpu());
    m = NDManager.newBaseManager(Device.cpu());
    ids = m.create(longs("input_ids"), new Shape(1, 45));
    mask = m.create(longs("attention_mask"), new Shape(1, 45));
    pixels = m.create(floats("pixel_values_videos"), new Shape(1, 2, 3, 56, 56));
  }

  @AfterEach
  void tearDown() {
    m.close();
    model.close();
  }

  private InjectionReport loadAdapter() throws Exception {
    return PeftAdapters.load(model.block(), GOLDEN.resolve("lora_adapter"), LoraInjector.builder());
  }

  @Test
  void loraLogitsAndGreedyTokensMatchPeft() throws Exception {
    InjectionReport rep = loadAdapter();
    assertThat(rep.wrapped()).hasSize(20); // 14 LM + 6 CLIP q/k/v: PEFT's suffix matching
    assertThat(rep.wrapped()).anyMatch(p -> p.startsWith("vision_tower."));
    float[] logits = model.logits(ids, mask, pixels, null).toFloatArray();
    assertThat(maxDiff(logits, floats("lora_logits"))).isLessThanOrEqualTo(TOL);
    assertThat(maxDiff(logits, floats("logits"))).isGreaterThan(0.01f);
    assertThat(greedy(10)).containsExactly(longs("lora_generate_new_ids"));
  }

  @Test
  void mergedLogitsMatchPeftMergeAndUnload() throws Exception {
    loadAdapter();
    LoraInjector.mergeAndUnload(model.block());
    assertThat(LoraInjector.loraLayers(model.block())).isEmpty();
    float[] logits = model.logits(ids, mask, pixels, null).toFloatArray();
    assertThat(maxDiff(logits, floats("merged_logits"))).isLessThanOrEqualTo(TOL);
  }

  @Test
  void mergeUnmergeKeepTheLogits() throws Exception {
    loadAdapter();
    float[] lora = model.logits(ids, mask, pixels, null).toFloatArray();
    LoraInjector.merge(model.block());
    assertThat(maxDiff(model.logits(ids, mask, pixels, null).toFloatArray(), lora)).isLessThan(TOL);
    LoraInjector.unmerge(model.block());
    assertThat(maxDiff(model.logits(ids, mask, pixels, null).toFloatArray(), lora)).isLessThan(TOL);
    LoraInjector.setAdaptersDisabled(model.block(), true);
    assertThat(maxDiff(model.logits(ids, mask, pixels, null).toFloatArray(), floats("logits")))
        .isLessThanOrEqualTo(TOL);
  }

  @Test
  void excludeVisionTowerKeepsClipDense() throws Exception {
    InjectionReport rep = PeftAdapters.load(model.block(), GOLDEN.resolve("lora_adapter"),
        LoraInjector.builder().excludeVisionTower());
    assertThat(rep.wrapped()).hasSize(14).noneMatch(p -> p.startsWith("vision_tower."));
  }

  @Test
  void savedFolderEqualsPeftsFile(@TempDir Path tmp) throws Exception {
    loadAdapter();
    Path out = tmp.resolve("adapter");
    PeftAdapters.save(model.block(), "default", PeftAdapters.readConfig(GOLDEN.resolve("lora_adapter")), out);
    Path ours = out.resolve(PeftAdapters.WEIGHTS_FILE);
    Path peft = GOLDEN.resolve("lora_adapter").resolve(PeftAdapters.WEIGHTS_FILE);
    Map<String, long[]> a = PeftAdapters.keys(ours);
    Map<String, long[]> b = PeftAdapters.keys(peft);
    assertThat(a.keySet()).isEqualTo(b.keySet()).hasSize(40);
    try (SafetensorsFile fa = SafetensorsFile.open(ours); SafetensorsFile fb = SafetensorsFile.open(peft)) {
      for (String k : b.keySet()) {
        assertThat(a.get(k)).as(k).containsExactly(b.get(k));
        assertThat(fa.readFloats(k)).as(k).containsExactly(fb.readFloats(k));
      }
      assertThat(fa.metadata()).containsEntry("format", "pt");
    }
    // byte-identical too: same writer rules as the safetensors reference
    assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(peft));
    assertThat(PeftAdapters.readConfig(out)).isEqualTo(PeftAdapters.readConfig(GOLDEN.resolve("lora_adapter")));
  }

  /** Greedy decoding with the model's KV cache, as transformers' generate (use_cache=True). */
  private long[] greedy(int steps) {
    long[] out = new long[steps];
    try (KvCache cache = model.newCache(); NDManager sub = m.newSubManager()) {
      NDArray logits = model.lastLogits(ids, mask, pixels, cache); // (1, 1, V)
      for (int s = 0; s < steps; s++) {
        long next = logits.get(new NDIndex("0, -1")).argMax().getLong();
        out[s] = next;
        if (s + 1 < steps) {
          logits = model.logits(sub.create(new long[] {next}, new Shape(1, 1)), null, null, cache);
        }
      }
    }
    return out;
  }

  private static ByteBuffer bytes(String name) {
    try {
      return ByteBuffer.wrap(Files.readAllBytes(GOLDEN.resolve("tensors").resolve(name + ".bin")))
          .order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static float[] floats(String name) {
    ByteBuffer b = bytes(name);
    float[] v = new float[b.remaining() / 4];
    b.asFloatBuffer().get(v);
    return v;
  }

  static long[] longs(String name) {
    ByteBuffer b = bytes(name);
    long[] v = new long[b.remaining() / 8];
    b.asLongBuffer().get(v);
    return v;
  }

  static float maxDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    float d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }
}
