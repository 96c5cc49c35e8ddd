package io.github.geollava.core.video;

import java.awt.image.BufferedImage;

/** Small synthetic frames for video tests. */
final class TestFrames {

  private TestFrames() {}

  static BufferedImage gradient(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 90);
      }
    }
    return img;
  }
}
