package io.github.geollava.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RgbImageTest {

  /** 3x2 image whose pixel (x, y) has red = 10 * x + y. */
  static RgbImage numbered(int w, int h) {
    byte[] d = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        d[(y * w + x) * 3] = (byte) (10 * x + y);
      }
    }
    return new RgbImage(w, h, d);
  }

  @Test
  void greyIsReplicatedWithoutGammaConversion() {
    BufferedImage g = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    g.getRaster().setSample(0, 0, 0, 128);
    g.getRaster().setSample(1, 0, 0, 7);
    RgbImage r = RgbImage.from(g);
    assertThat(r.data()).containsExactly(128, 128, 128, 7, 7, 7);
    BufferedImage g16 = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
    g16.getRaster().setSample(0, 0, 0, 65535);
    assertThat(RgbImage.from(g16).get(0, 0, 1)).isEqualTo(255);
  }

  @Test
  void alphaIsDroppedWithoutCompositing() {
    BufferedImage a = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    a.setRGB(0, 0, 0x10203040);
    assertThat(RgbImage.from(a).data()).containsExactly(0x20, 0x30, 0x40);
  }

  @Test
  void channelsComeOutInRgbOrderForEveryCommonType() {
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB,
        BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
      BufferedImage b = new BufferedImage(2, 1, type);
      b.setRGB(0, 0, 0xff102030);
      b.setRGB(1, 0, 0xffa0b0c0);
      assertThat(RgbImage.from(b).data()).as("type %d", type)
          .containsExactly(0x10, 0x20, 0x30, 0xa0, 0xb0, 0xc0);
    }
    BufferedImage back = new RgbImage(1, 1, new byte[] {0x10, 0x20, 0x30}).toBufferedImage();
    assertThat(back.getRGB(0, 0) & 0xffffff).isEqualTo(0x102030);
  }

  @Test
  void bgrAndBufferedImageRoundTrip() {
    RgbImage n = numbered(3, 2);
    assertThat(RgbImage.from(n.toBufferedImage())).isEqualTo(n);
  }

  @Test
  void cmykConvertsThroughJavaColourManagement() {
    java.awt.color.ColorSpace cmyk = new SimpleCmyk();
    java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(cmyk, false, false,
        java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
    java.awt.image.WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
    raster.setPixel(0, 0, new int[] {0, 0, 0, 0}); // white
    raster.setPixel(1, 0, new int[] {0, 0, 0, 255}); // black
    RgbImage r = RgbImage.from(new BufferedImage(cm, raster, false, null));
    assertThat(r.get(0, 0, 0)).isGreaterThan(250);
    assertThat(r.get(1, 0, 0)).isLessThan(5);
  }

  @Test
  void orientationsMatchPilExifTranspose() {
    RgbImage n = numbered(3, 2); // red: row0 = 0 10 20, row1 = 1 11 21
    assertThat(n.oriented(1)).isSameAs(n);
    assertThat(n.oriented(2).get(0, 0, 0)).isEqualTo(20);
    assertThat(n.oriented(3).get(0, 0, 0)).isEqualTo(21);
    assertThat(n.oriented(4).get(0, 0, 0)).isEqualTo(1);
    RgbImage six = n.oriented(6); // rotate 90 clockwise: 2 wide, 3 high, top row = 1 0
    assertThat(six.width()).isEqualTo(2);
    assertThat(six.height()).isEqualTo(3);
    assertThat(six.get(0, 0, 0)).isEqualTo(1);
    assertThat(six.get(1, 0, 0)).isEqualTo(0);
    RgbImage eight = n.oriented(8); // counter-clockwise: top row = 20 21
    assertThat(eight.get(0, 0, 0)).isEqualTo(20);
    assertThat(eight.get(1, 0, 0)).isEqualTo(21);
    assertThat(n.oriented(5).get(1, 0, 0)).isEqualTo(1); // transpose
    assertThat(n.oriented(7).get(0, 0, 0)).isEqualTo(21); // transverse
  }

  @Test
  void centreCropFollowsTransformersIncludingPadding() {
    RgbImage n = numbered(5, 4);
    RgbImage c = n.centerCrop(2, 3); // top = 1, left = 1
    assertThat(c.get(0, 0, 0)).isEqualTo(11);
    RgbImage odd = n.centerCrop(3, 2); // top = (4 - 3) // 2 = 0, left = (5 - 2) // 2 = 1
    assertThat(odd.get(0, 0, 0)).isEqualTo(10);
    RgbImage padded = n.centerCrop(6, 5); // 2 rows of zeros: ceil(2 / 2) = 1 on top
    assertThat(padded.height()).isEqualTo(6);
    assertThat(padded.get(0, 0, 0)).isZero();
    assertThat(padded.get(1, 1, 0)).isEqualTo(10);
    assertThatThrownBy(() -> n.centerCrop(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizesAreValidated() {
    assertThatThrownBy(() -> new RgbImage(2, 2, new byte[5])).hasMessageContaining("needs 12 bytes");
  }

  /** A naive CMYK colour space, enough to check that non-RGB models are converted. */
  static final class SimpleCmyk extends java.awt.color.ColorSpace {
    private static final long serialVersionUID = 1L;

    SimpleCmyk() {
      super(TYPE_CMYK, 4);
    }

    @Override
    public float[] toRGB(float[] v) {
      float k = 1 - v[3];
      return new float[] {(1 - v[0]) * k, (1 - v[1]) * k, (1 - v[2]) * k};
    }

    @Override
    public float[] fromRGB(float[] rgb) {
      return new float[] {1 - rgb[0], 1 - rgb[1], 1 - rgb[2], 0};
    }

    @Override
    public float[] toCIEXYZ(float[] v) {
      return getInstance(CS_sRGB).toCIEXYZ(toRGB(v));
    }

    @Override
    public float[] fromCIEXYZ(float[] xyz) {
      return fromRGB(getInstance(CS_sRGB).fromCIEXYZ(xyz));
    }
  }
}
