package io.github.geollava.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.lora.quant.BnbCheckpoint;
import io.github.geollava.lora.quant.Int8RowwiseTensor;
import io.github.geollava.lora.quant.Nf4Tensor;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {

  @TempDir Path dir;
  private Path in;
  private float[] w;

  @BeforeEach
  void writeInput() throws Exception {
    w = new float[128 * 64];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) Math.sin(i * 0.731) * (1 + i % 5);
    }
    in = dir.resolve("in.safetensors");
    SafetensorsWriter.create().metadata("format", "pt")
        .putFloats("layer.weight", w, 128, 64)
        .putFloats("layer.bias", new float[] {1, 2}, 2)
        .putFloats("lm_head.weight", new float[64 * 4], 4, 64)
        .write(in);
  }

  @Test
  void nf4DoubleQuantWritesBitsandbytesLayout() throws Exception {
    Path out = dir.resolve("nf4.safetensors");
    CliRun r = CliRun.of("quantize", "--in", in.toString(), "--format", "nf4", "--double-quant",
        "--exclude", "lm_head.*", "--out", out.toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("quantized 1 tensors to nf4").contains("copied 2");
    try (SafetensorsFile f = SafetensorsFile.open(out)) {
      assertThat(f.names()).contains("layer.weight.quant_state.bitsandbytes__nf4",
          "layer.weight.nested_absmax", "layer.weight.nested_quant_map", "layer.bias", "lm_head.weight");
      Nf4Tensor t = (Nf4Tensor) BnbCheckpoint.read(f, "layer.weight");
      Nf4Tensor direct = Nf4Tensor.quantize(w, new long[] {128, 64}, 64, true);
      assertThat(t.packed()).containsExactly(direct.packed());
      assertThat(t.dequantize()).containsExactly(direct.dequantize());
    }
  }

  @Test
  void int8WritesScb() throws Exception {
    Path out = dir.resolve("i8.safetensors");
    assertThat(CliRun.of("quantize", "--in", in.toString(), "--format", "INT8", "--out", out.toString()).exitCode())
        .isZero();
    try (SafetensorsFile f = SafetensorsFile.open(out)) {
      assertThat(f.names()).contains("layer.weight.SCB", "lm_head.weight.SCB");
      Int8RowwiseTensor t = (Int8RowwiseTensor) BnbCheckpoint.read(f, "layer.weight");
      assertThat(t.data()).containsExactly(Int8RowwiseTensor.quantize(w, 128, 64).data());
    }
  }

  @Test
  void badInputExitsTwoNamingTheCulprit() {
    CliRun r = CliRun.of("quantize", "--in", in.toString(), "--format", "nf3", "--out",
        dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("format").contains("nf3");
    assertThat(CliRun.of("quantize", "--in", dir.resolve("missing.safetensors").toString(), "--format",
        "nf4", "--out", dir.resolve("x").toString()).exitCode()).isEqualTo(2);
    r = CliRun.of("quantize", "--in", in.toString(), "--format", "nf4", "--block-size", "48",
        "--out", dir.resolve("x").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr()).contains("blockSize").contains("48");
  }
}
