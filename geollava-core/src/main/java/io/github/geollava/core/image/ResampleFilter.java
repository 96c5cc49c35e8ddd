package io.github.geollava.core.image;

/**
 * PIL's resampling filters with their support radius and kernel, as defined in PIL's
 * {@code libImaging/Resample.c}; the numeric codes are {@code PIL.Image.Resampling} values, which
 * Hugging Face stores as {@code resample} in {@code preprocessor_config.json}.
 */
public enum ResampleFilter {
  /** Lanczos (a = 3), code 1. */
  LANCZOS(1, 3.0) {
    @Override
    double weight(double x) {
      return x >= -3.0 && x < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0;
    }
  },
  /** Triangle, code 2. */
  BILINEAR(2, 1.0) {
    @Override
    double weight(double x) {
      double a = Math.abs(x);
      return a < 1.0 ? 1.0 - a : 0.0;
    }
  },
  /** Keys cubic convolution with a = -0.5, code 3 (CLIP's choice). */
  BICUBIC(3, 2.0) {
    @Override
    double weight(double x) {
      final double a = -0.5;
      double t = Math.abs(x);
      if (t < 1.0) {
        return ((a + 2.0) * t - (a + 3.0)) * t * t + 1;
      }
      if (t < 2.0) {
        return (((t - 5) * t + 8) * t - 4) * a;
      }
      return 0.0;
    }
  },
  /** Box, code 4. */
  BOX(4, 0.5) {
    @Override
    double weight(double x) {
      return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
    }
  },
  /** Hamming-windowed sinc, code 5. */
  HAMMING(5, 1.0) {
    @Override
    double weight(double x) {
      double t = Math.abs(x);
      if (t == 0.0) {
        return 1.0;
      }
      if (t >= 1.0) {
        return 0.0;
      }
      t = t * Math.PI;
      // PIL writes the window constants as C floats
      return Math.sin(t) / t * (0.54f + 0.46f * Math.cos(t));
    }
  };

  private final int pilCode;
  private final double support;

  ResampleFilter(int pilCode, double support) {
    this.pilCode = pilCode;
    this.support = support;
  }

  /** The kernel value at offset {@code x} (in input pixels, at scale 1). */
  abstract double weight(double x);

  /** The kernel's radius at scale 1. */
  double support() {
    return support;
  }

  /** PIL's numeric code. */
  public int pilCode() {
    return pilCode;
  }

  /**
   * The filter for a PIL code.
   *
   * @throws IllegalArgumentException for 0 (nearest, not a convolution) or unknown codes
   */
  public static ResampleFilter fromPilCode(int code) {
    for (ResampleFilter f : values()) {
      if (f.pilCode == code) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "resample code " + code + " is not supported; use 1 (Lanczos), 2 (bilinear), 3 (bicubic), 4"
            + " (box) or 5 (Hamming)");
  }

  private static double sinc(double x) {
    if (x == 0.0) {
      return 1.0;
    }
    double t = x * Math.PI;
    return Math.sin(t) / t;
  }
}
