package io.github.geollava.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {

  @Test
  void findsTheTagInJpegAndLittleEndianTiff() throws Exception {
    byte[] jpeg = ImageLoaderTest.encode(ImageLoaderTest.gradient(), "jpeg");
    assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
    for (int o = 1; o <= 8; o++) {
      assertThat(ExifOrientation.of(ImageLoaderTest.withExifOrientation(jpeg, o))).isEqualTo(o);
    }
    byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 3, 0, 0, 0, 0, 0,
      0, 0};
    assertThat(ExifOrientation.of(tiff)).isEqualTo(3);
  }

  @Test
  void damagedOrOutOfRangeMetadataMeansUpright() throws Exception {
    byte[] jpeg = ImageLoaderTest.withExifOrientation(
        ImageLoaderTest.encode(ImageLoaderTest.gradient(), "jpeg"), 9);
    assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
    Random rnd = new Random(5);
    byte[] good = ImageLoaderTest.withExifOrientation(
        ImageLoaderTest.encode(ImageLoaderTest.gradient(), "jpeg"), 6);
    for (int i = 0; i < 500; i++) {
      byte[] b = Arrays.copyOf(good, 4 + rnd.nextInt(60));
      for (int k = 2; k < b.length; k++) {
        if (rnd.nextInt(8) == 0) {
          b[k] = (byte) rnd.nextInt(256);
        }
      }
      assertThat(ExifOrientation.of(b)).isBetween(1, 8);
    }
  }
}
