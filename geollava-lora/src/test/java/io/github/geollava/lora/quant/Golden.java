package io.github.geollava.lora.quant;

import io.github.geollava.lora.testing.GoldenTiny;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

/**
 * Reads the raw little-endian NF4 golden arrays of core's fixture ({@code tensors/nf4_*}, {@code nf4dq_*}):
 * made by bitsandbytes 0.50.1's own default-backend kernels on W [256,128] = {@code torch.randn} with
 * generator seed 4321, block size 64; {@code nf4_*} plain NF4 ({@code packed} uint8, {@code absmax} fp32,
 * {@code dequant}), {@code nf4dq_*} double quantization ({@code offset} = absmax.mean(), {@code qabsmax}
 * uint8 codes, {@code absmax2} fp32 per 256, {@code code2} = the signed dynamic map,
 * {@code absmax_dequant}, {@code dequant}).
 */
final class Golden {
  private Golden() {}

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(GoldenTiny.root().resolve("tensors").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] floats(String name) {
    ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[b.remaining() / 4];
    b.asFloatBuffer().get(out);
    return out;
  }
}
