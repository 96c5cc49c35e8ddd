package io.github.geollava.lora.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.geollava.core.safetensors.SafetensorsDType;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BnbCheckpointTest {

  private static final long[] SHAPE = {256, 128};

  @Test
  void nf4DoubleQuantLayoutAndRoundTripWithoutRequantising(@TempDir Path tmp) throws Exception {
    Nf4Tensor plain = Nf4Tensor.quantize(Golden.floats("nf4_input.bin"), SHAPE, 64, false);
    BlockwiseInt8 nested = BlockwiseInt8.quantize(plain.absmax(),
        Golden.floats("nf4dq_offset.bin")[0], 256);
    Nf4Tensor t = Nf4Tensor.of(SHAPE, 64, plain.packed(), nested);
    Path f = tmp.resolve("q.safetensors");
    SafetensorsWriter w = SafetensorsWriter.create();
    BnbCheckpoint.put(w, "layer.weight", t);
    w.write(f);
    try (SafetensorsFile sf = SafetensorsFile.open(f)) {
      assertThat(sf.names()).containsExactlyInAnyOrder("layer.weight", "layer.weight.absmax",
          "layer.weight.quant_map", "layer.weight.nested_absmax", "layer.weight.nested_quant_map",
          "layer.weight.quant_state.bitsandbytes__nf4");
      assertThat(sf.info("layer.weight").dtype()).isEqualTo(SafetensorsDType.U8);
      assertThat(sf.info("layer.weight").shape()).containsExactly(16384, 1);
      assertThat(sf.info("layer.weight.absmax").dtype()).isEqualTo(SafetensorsDType.U8);
      ByteBuffer js = sf.rawBytes("layer.weight.quant_state.bitsandbytes__nf4");
      byte[] b = new byte[js.remaining()];
      js.get(b);
      String json = new String(b, StandardCharsets.UTF_8);
      assertThat(json).isEqualTo("{\"quant_type\": \"nf4\", \"blocksize\": 64, \"dtype\": \"float32\","
          + " \"shape\": [256, 128], \"nested_blocksize\": 256, \"nested_dtype\": \"float32\","
          + " \"nested_offset\": " + BnbCheckpoint.pythonRepr(nested.offset()) + "}");
      assertThat(BnbCheckpoint.quantizedNames(sf)).containsExactly("layer.weight");
      QuantizedTensor back = BnbCheckpoint.read(sf, "layer.weight");
      assertThat(back).isInstanceOf(Nf4Tensor.class);
      assertThat(((Nf4Tensor) back).packed()).containsExactly(Golden.bytes("nf4dq_packed.bin"));
      Nf4TensorTest.assertClose(back.dequantize(), Golden.floats("nf4dq_dequant.bin"), 1e-7);
    }
  }

  @Test
  void int8LayoutAndHuggingFaceScbName(@TempDir Path tmp) throws Exception {
    Int8RowwiseTensor t = Int8RowwiseTensor.quantize(Golden.floats("nf4_input.bin"), 256, 128);
    Path f = tmp.resolve("i8.safetensors");
    SafetensorsWriter w = SafetensorsWriter.create();
    BnbCheckpoint.put(w, "a.weight", t);
    // Hugging Face's Linear8bitLt layout: <module>.weight int8 + <module>.SCB
    w.put("b.weight", SafetensorsDType.I8, new long[] {256, 128}, t.data());
    w.putFloats("b.SCB", t.scb(), 256);
    w.write(f);
    try (SafetensorsFile sf = SafetensorsFile.open(f)) {
      assertThat(BnbCheckpoint.quantizedNames(sf)).containsExactly("a.weight", "b.weight");
      assertThat(BnbCheckpoint.read(sf, "a.weight").dequantize()).containsExactly(t.dequantize());
      assertThat(BnbCheckpoint.read(sf, "b.weight").dequantize()).containsExactly(t.dequantize());
      assertThat(BnbCheckpoint.isAuxiliary(sf, "b.SCB")).isTrue();
    }
  }

  @Test
  void quantizeFileKeepsOtherTensorsAndReportsBits(@TempDir Path tmp) throws Exception {
    Path in = tmp.resolve("in.safetensors");
    SafetensorsWriter.create().metadata("format", "pt")
        .putFloats("w", Golden.floats("nf4_input.bin"), 256, 128)
        .putFloats("b", new float[] {1, 2, 3}, 3)
        .putFloats("lm_head.weight", new float[64 * 2], 2, 64)
        .write(in);
    Path out = tmp.resolve("out.safetensors");
    BnbCheckpoint.Summary s = BnbCheckpoint.quantizeFile(in, out, QuantFormat.NF4, 64, true,
        n -> !n.startsWith("lm_head"));
    assertThat(s.quantized()).containsExactly("w");
    assertThat(s.copied()).containsExactlyInAnyOrder("b", "lm_head.weight");
    assertThat(s.bitsPerParameter()).isLessThanOrEqualTo(4.13);
    try (SafetensorsFile sf = SafetensorsFile.open(out)) {
      assertThat(sf.metadata()).containsEntry("format", "pt");
      assertThat(sf.readFloats("b")).containsExactly(1, 2, 3);
      Nf4TensorTest.assertClose(BnbCheckpoint.read(sf, "w").dequantize(),
          Golden.floats("nf4dq_dequant.bin"), 1e-5);
    }
  }

  @Test
  void incompleteLayoutNamesTheMissingTensor(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("bad.safetensors");
    byte[] json = "{\"quant_type\": \"nf4\", \"blocksize\": 64, \"dtype\": \"float32\", \"shape\": [2, 64]}"
        .getBytes(StandardCharsets.UTF_8);
    SafetensorsWriter.create().put("x", SafetensorsDType.U8, new long[] {64, 1}, new byte[64])
        .put("x.quant_state.bitsandbytes__nf4", SafetensorsDType.U8, new long[] {json.length}, json)
        .putFloats("x.quant_map", QuantMaps.nf4(), 16)
        .write(f);
    try (SafetensorsFile sf = SafetensorsFile.open(f)) {
      assertThatThrownBy(() -> BnbCheckpoint.read(sf, "x"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.absmax");
    }
  }

  @Test
  void pythonReprOfFloats() {
    assertThat(BnbCheckpoint.pythonRepr(2.5911317f)).isEqualTo("2.5911316871643066");
    assertThat(BnbCheckpoint.pythonRepr(1e-5f)).isEqualTo("9.999999747378752e-06");
    assertThat(BnbCheckpoint.pythonRepr(0.5f)).isEqualTo("0.5");
    assertThat(BnbCheckpoint.pythonRepr(3f)).isEqualTo("3.0");
  }
}
