package io.github.geollava.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.util.Arrays;
import java.util.Objects;

/**
 * An 8-bit RGB image, interleaved and row-major: the byte at {@code (y * width + x) * 3 + c} is channel
 * {@code c} (0 red, 1 green, 2 blue) of pixel {@code (x, y)}, like a numpy {@code (H, W, 3) uint8}
 * array. Immutable by convention: {@link #data()} exposes the array without copying, for speed.
 */
public final class RgbImage {

  private final int width;
  private final int height;
  private final byte[] data;

  /**
   * Wraps interleaved RGB bytes (not copied).
   *
   * @throws IllegalArgumentException if the sizes do not match
   */
  public RgbImage(int width, int height, byte[] data) {
    Objects.requireNonNull(data, "data");
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
    }
    if ((long) width * height * 3 != data.length) {
      throw new IllegalArgumentException("an RGB image of " + width + "x" + height + " needs "
          + (long) width * height * 3 + " bytes, got " + data.length);
    }
    this.width = width;
    this.height = height;
    this.data = data;
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  /** The interleaved bytes (not a copy: do not modify). */
  public byte[] data() {
    return data;
  }

  /** Channel {@code c} of pixel {@code (x, y)}, 0..255. */
  public int get(int x, int y, int c) {
    return data[(y * width + x) * 3 + c] & 0xff;
  }

  /** A deep copy. */
  public RgbImage copy() {
    return new RgbImage(width, height, data.clone());
  }

  /**
   * Converts any decoded image to 8-bit RGB the way PIL's {@code convert("RGB")} does for the common
   * cases: grey levels are replicated into R, G and B (not gamma-converted, unlike Java's colour
   * management for linear grey), alpha is dropped without compositing, palette images are expanded,
   * and other colour spaces (CMYK, YCCK, 16-bit) go through Java's conversion to sRGB, scaled to 8 bits.
   */
  public static RgbImage from(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h * 3];
    ColorModel cm = img.getColorModel();
    Raster r = img.getRaster();
    if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && r.getNumBands() <= 2) {
      int bits = r.getSampleModel().getSampleSize(0);
      long max = (1L << bits) - 1;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        r.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          int v = bits == 8 ? row[x] : (int) ((row[x] * 255L + max / 2) / max);
          int o = (y * w + x) * 3;
          out[o] = out[o + 1] = out[o + 2] = (byte) v;
        }
      }
    } else if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      // data elements come in band order (R, G, B), whatever the byte order in memory
      for (int y = 0; y < h; y++) {
        byte[] row = (byte[]) r.getDataElements(0, y, w, 1, null);
        System.arraycopy(row, 0, out, y * w * 3, w * 3);
      }
    } else {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        // getRGB converts every colour model to non-premultiplied sRGB ARGB
        img.getRGB(0, y, w, 1, row, 0, w);
        int o = y * w * 3;
        for (int x = 0; x < w; x++) {
          int p = row[x];
          out[o + 3 * x] = (byte) (p >> 16);
          out[o + 3 * x + 1] = (byte) (p >> 8);
          out[o + 3 * x + 2] = (byte) p;
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  /** This image as a {@code TYPE_3BYTE_BGR} BufferedImage. */
  public BufferedImage toBufferedImage() {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    // data elements are in band order (R, G, B), which is this image's layout
    byte[] row = new byte[width * 3];
    for (int y = 0; y < height; y++) {
      System.arraycopy(data, y * width * 3, row, 0, width * 3);
      img.getRaster().setDataElements(0, y, width, 1, row);
    }
    return img;
  }

  /**
   * Crops {@code height x width} around the centre exactly as transformers' {@code center_crop}:
   * {@code top = (H - h) // 2}, {@code left = (W - w) // 2} (floor division); a crop larger than the
   * image pads it with zeros first, centred with {@code ceil} padding on the top/left.
   */
  public RgbImage centerCrop(int cropHeight, int cropWidth) {
    if (cropHeight < 1 || cropWidth < 1) {
      throw new IllegalArgumentException("crop size must be at least 1x1, got " + cropWidth + "x"
          + cropHeight);
    }
    int top = Math.floorDiv(height - cropHeight, 2);
    int left = Math.floorDiv(width - cropWidth, 2);
    if (top >= 0 && left >= 0) {
      return region(top, left, cropHeight, cropWidth);
    }
    // pad to at least the crop size, then crop: transformers' "Oh joy" branch
    int newH = Math.max(cropHeight, height);
    int newW = Math.max(cropWidth, width);
    int topPad = (newH - height + 1) / 2;
    int leftPad = (newW - width + 1) / 2;
    byte[] padded = new byte[newH * newW * 3];
    for (int y = 0; y < height; y++) {
      System.arraycopy(data, y * width * 3, padded, ((y + topPad) * newW + leftPad) * 3, width * 3);
    }
    RgbImage p = new RgbImage(newW, newH, padded);
    int t = Math.max(0, top + topPad);
    int l = Math.max(0, left + leftPad);
    int b = Math.min(newH, top + topPad + cropHeight);
    int rr = Math.min(newW, left + leftPad + cropWidth);
    return p.region(t, l, b - t, rr - l);
  }

  private RgbImage region(int top, int left, int h, int w) {
    byte[] out = new byte[h * w * 3];
    for (int y = 0; y < h; y++) {
      System.arraycopy(data, ((top + y) * width + left) * 3, out, y * w * 3, w * 3);
    }
    return new RgbImage(w, h, out);
  }

  /**
   * Applies an EXIF orientation (1..8) the way PIL's {@code ImageOps.exif_transpose} does, so the
   * result is upright; 1 or an unknown value returns this image.
   */
  public RgbImage oriented(int orientation) {
    if (orientation < 2 || orientation > 8) {
      return this;
    }
    boolean swap = orientation >= 5;
    int ow = swap ? height : width;
    int oh = swap ? width : height;
    byte[] out = new byte[data.length];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = width - 1 - x; sy = y; }               // mirror horizontally
          case 3 -> { sx = width - 1 - x; sy = height - 1 - y; }  // rotate 180
          case 4 -> { sx = x; sy = height - 1 - y; }              // mirror vertically
          case 5 -> { sx = y; sy = x; }                           // transpose
          case 6 -> { sx = y; sy = height - 1 - x; }              // rotate 90 clockwise
          case 7 -> { sx = width - 1 - y; sy = height - 1 - x; }  // transverse
          default -> { sx = width - 1 - y; sy = x; }              // 8: rotate 90 counter-clockwise
        }
        int s = (sy * width + sx) * 3;
        int o = (y * ow + x) * 3;
        out[o] = data[s];
        out[o + 1] = data[s + 1];
        out[o + 2] = data[s + 2];
      }
    }
    return new RgbImage(ow, oh, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RgbImage r && r.width == width && r.height == height
        && Arrays.equals(r.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "RgbImage[" + width + "x" + height + "]";
  }
}
