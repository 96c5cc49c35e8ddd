package io.github.geollava.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the PIL resampler; byte parity with PIL itself is in VideoProcessorTest. */
class ResamplerTest {

  @Test
  void constantImagesStayConstantForEveryFilterAndScale() {
    byte[] d = new byte[37 * 23 * 3];
    for (int i = 0; i < d.length; i += 3) {
      d[i] = 17;
      d[i + 1] = (byte) 200;
      d[i + 2] = (byte) 255;
    }
    RgbImage c = new RgbImage(37, 23, d);
    for (ResampleFilter f : ResampleFilter.values()) {
      for (int[] size : new int[][] {{10, 5}, {80, 61}, {37, 9}, {1, 1}}) {
        RgbImage r = Resampler.resize(c, size[0], size[1], f);
        assertThat(r.width()).isEqualTo(size[0]);
        for (int i = 0; i < r.data().length; i += 3) {
          assertThat(r.data()[i] & 0xff).as("%s %s", f, size[0]).isEqualTo(17);
          assertThat(r.data()[i + 1] & 0xff).isEqualTo(200);
          assertThat(r.data()[i + 2] & 0xff).isEqualTo(255);
        }
      }
    }
  }

  @Test
  void sameSizeIsACopyAndBoxHalvingAveragesPairs() {
    RgbImage n = RgbImageTest.numbered(4, 1);
    RgbImage same = Resampler.resize(n, 4, 1, ResampleFilter.BICUBIC);
    assertThat(same).isEqualTo(n).isNotSameAs(n);
    RgbImage half = Resampler.resize(n, 2, 1, ResampleFilter.BOX);
    // red 0,10,20,30 -> (0+10)/2 = 5, (20+30)/2 = 25
    assertThat(half.get(0, 0, 0)).isEqualTo(5);
    assertThat(half.get(1, 0, 0)).isEqualTo(25);
  }

  @Test
  void bicubicOvershootIsClampedToTheByteRange() {
    Random rnd = new Random(3);
    byte[] d = new byte[16 * 16 * 3];
    for (int i = 0; i < d.length; i++) {
      d[i] = rnd.nextBoolean() ? 0 : (byte) 255;
    }
    RgbImage r = Resampler.resize(new RgbImage(16, 16, d), 37, 41, ResampleFilter.BICUBIC);
    // the cubic kernel rings past 0 and 255 next to every edge; clamping pins those values exactly
    int zeros = 0;
    int full = 0;
    for (byte b : r.data()) {
      zeros += (b & 0xff) == 0 ? 1 : 0;
      full += (b & 0xff) == 255 ? 1 : 0;
    }
    assertThat(zeros).isGreaterThan(0);
    assertThat(full).isGreaterThan(0);
  }

  @Test
  void filterCodesAreThoseOfPil() {
    assertThat(ResampleFilter.fromPilCode(3)).isEqualTo(ResampleFilter.BICUBIC);
    assertThat(ResampleFilter.fromPilCode(1)).isEqualTo(ResampleFilter.LANCZOS);
    assertThatThrownBy(() -> ResampleFilter.fromPilCode(0)).hasMessageContaining("not supported");
    assertThatThrownBy(() -> Resampler.resize(RgbImageTest.numbered(2, 2), 0, 3,
        ResampleFilter.BICUBIC)).isInstanceOf(IllegalArgumentException.class);
  }
}
