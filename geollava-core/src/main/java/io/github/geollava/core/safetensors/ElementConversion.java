package io.github.geollava.core.safetensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Element decoding from little-endian bytes to Java floats and ints, including half precision. */
final class ElementConversion {

  private ElementConversion() {}

  /**
   * Decodes {@code n} elements of {@code dtype} from a little-endian buffer into floats. Integers are
   * converted exactly where float can hold them; F64 is rounded to nearest.
   */
  static float[] toFloats(ByteBuffer src, SafetensorsDType dtype, int n) {
    ByteBuffer b = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[n];
    switch (dtype) {
      case F32 -> b.asFloatBuffer().get(out);
      case F64 -> {
        for (int i = 0; i < n; i++) {
          out[i] = (float) b.getDouble(b.position() + 8 * i);
        }
      }
      case F16 -> {
        for (int i = 0; i < n; i++) {
          out[i] = halfToFloat(b.getShort(b.position() + 2 * i));
        }
      }
      case BF16 -> {
        for (int i = 0; i < n; i++) {
          out[i] = Float.intBitsToFloat((b.getShort(b.position() + 2 * i) & 0xffff) << 16);
        }
      }
      case I64 -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.getLong(b.position() + 8 * i);
        }
      }
      case I32 -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.getInt(b.position() + 4 * i);
        }
      }
      case I16 -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.getShort(b.position() + 2 * i);
        }
      }
      case I8 -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.get(b.position() + i);
        }
      }
      case U8 -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.get(b.position() + i) & 0xff;
        }
      }
      case BOOL -> {
        for (int i = 0; i < n; i++) {
          out[i] = b.get(b.position() + i) != 0 ? 1f : 0f;
        }
      }
      default -> throw new IllegalStateException("unhandled dtype " + dtype);
    }
    return out;
  }

  /** IEEE 754 binary16 to binary32, exact (every half is a float), NaN payloads kept. */
  static float halfToFloat(short half) {
    int h = half & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      // zero or subnormal: mant * 2^-24, exact in float
      float v = mant * 0x1p-24f;
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  /** IEEE 754 binary32 to binary16 with round-to-nearest-even, as numpy and PyTorch do. */
  static short floatToHalf(float f) {
    int bits = Float.floatToRawIntBits(f);
    int sign = (bits >>> 16) & 0x8000;
    int exp = (bits >>> 23) & 0xff;
    int mant = bits & 0x7fffff;
    if (exp == 0xff) {
      return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
    }
    int e = exp - 127 + 15;
    if (e >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (e <= 0) {
      if (e < -10) {
        return (short) sign;
      }
      // subnormal half: shift the implicit-one mantissa, round to nearest even
      int m = mant | 0x800000;
      int shift = 14 - e;
      int half = m >>> shift;
      int rem = m & ((1 << shift) - 1);
      int mid = 1 << (shift - 1);
      if (rem > mid || (rem == mid && (half & 1) != 0)) {
        half++;
      }
      return (short) (sign | half);
    }
    int half = (e << 10) | (mant >>> 13);
    int rem = mant & 0x1fff;
    if (rem > 0x1000 || (rem == 0x1000 && (half & 1) != 0)) {
      half++; // may carry into the exponent, which is the correct rounding to the next binade / inf
    }
    return (short) (sign | half);
  }

  /** float32 to bfloat16 with round-to-nearest-even (NaN stays NaN), as PyTorch does. */
  static short floatToBf16(float f) {
    int bits = Float.floatToRawIntBits(f);
    if (Float.isNaN(f)) {
      return (short) ((bits >>> 16) | 0x40);
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }
}
