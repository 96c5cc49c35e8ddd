package io.github.geollava.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

  @TempDir Path dir;

  /** A smooth 48x32 picture, red increasing to the right, green downwards. */
  static BufferedImage gradient() {
    BufferedImage img = new BufferedImage(48, 32, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 48; x++) {
        img.setRGB(x, y, (x * 5) << 16 | (y * 7) << 8 | 100);
      }
    }
    return img;
  }

  static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(img, format, out)).as("writer for " + format).isTrue();
    return out.toByteArray();
  }

  @Test
  void readsPngExactlyAndJpegAndTiffClosely() throws Exception {
    RgbImage want = RgbImage.from(gradient());
    Path png = Files.write(dir.resolve("a.png"), encode(gradient(), "png"));
    assertThat(ImageLoader.readRgb(png)).isEqualTo(want);
    Path tif = Files.write(dir.resolve("a.tif"), encode(gradient(), "tiff"));
    assertThat(ImageLoader.readRgb(tif)).isEqualTo(want);
    Path jpg = Files.write(dir.resolve("a.jpg"), encode(gradient(), "jpeg"));
    RgbImage j = ImageLoader.readRgb(jpg);
    double sum = 0;
    for (int i = 0; i < j.data().length; i++) {
      sum += Math.abs((j.data()[i] & 0xff) - (want.data()[i] & 0xff));
    }
    assertThat(sum / j.data().length).isLessThan(4.0); // lossy, but the same picture
    BufferedImage bi = ImageLoader.read(png);
    assertThat(bi.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
  }

  @Test
  void readsTheRealLandsatPng() throws Exception {
    Path p = Path.of(getClass().getResource(
        "/pil-reference/images/p167r055_2000-03-09_LT05_rgb.png").toURI());
    RgbImage img = ImageLoader.readRgb(p);
    assertThat(img.width()).isEqualTo(303);
    assertThat(img.height()).isEqualTo(303);
  }

  @Test
  void greyPngBecomesRgb() throws Exception {
    BufferedImage g = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    g.getRaster().setSample(1, 1, 0, 77);
    Path p = Files.write(dir.resolve("g.png"), encode(g, "png"));
    RgbImage r = ImageLoader.readRgb(p);
    assertThat(new int[] {r.get(1, 1, 0), r.get(1, 1, 1), r.get(1, 1, 2)}).containsExactly(77, 77, 77);
  }

  @Test
  void exifOrientationSixIsRotatedUpright() throws Exception {
    byte[] jpeg = withExifOrientation(encode(gradient(), "jpeg"), 6);
    assertThat(ExifOrientation.of(jpeg)).isEqualTo(6);
    Path p = Files.write(dir.resolve("rotated.jpg"), jpeg);
    RgbImage r = ImageLoader.readRgb(p);
    assertThat(r.width()).isEqualTo(32);
    assertThat(r.height()).isEqualTo(48);
    // rotated clockwise: the stored bottom-left (red 0, green high) is now the top-left
    assertThat(r.get(0, 0, 0)).isLessThan(20);
    assertThat(r.get(0, 0, 1)).isGreaterThan(180);
  }

  @Test
  void corruptAndTruncatedFilesNameTheFile() throws Exception {
    Path junk = Files.write(dir.resolve("junk.jpg"), new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> ImageLoader.readRgb(junk))
        .isInstanceOf(CorruptImageException.class).hasMessageContaining("junk.jpg");
    byte[] png = encode(gradient(), "png");
    Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
    assertThatThrownBy(() -> ImageLoader.readRgb(cut))
        .isInstanceOf(CorruptImageException.class).hasMessageContaining("cut.png");
    byte[] jpg = encode(gradient(), "jpeg");
    Path cutJpg = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length * 2 / 3));
    assertThatThrownBy(() -> ImageLoader.readRgb(cutJpg))
        .isInstanceOf(CorruptImageException.class).hasMessageContaining("cut.jpg");
    assertThatThrownBy(() -> ImageLoader.readRgb(dir.resolve("missing.png")))
        .isInstanceOf(NoSuchFileException.class);
  }

  /**
   * Inserts an APP1 Exif segment with one orientation tag after the JFIF APP0 segment, where editors
   * put it when a file has both.
   */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = {
      'M', 'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD0 at 8
      0, 1, // one entry
      0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // orientation, SHORT, count 1
      0, 0, 0, 0 // no next IFD
    };
    int len = 2 + 6 + tiff.length;
    int at = 2;
    if ((jpeg[2] & 0xff) == 0xFF && (jpeg[3] & 0xff) == 0xE0) {
      at = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, at);
    out.write(0xFF);
    out.write(0xE1);
    out.write(len >> 8);
    out.write(len & 0xff);
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(tiff);
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }
}
