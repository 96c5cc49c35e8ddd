package io.github.geollava.core.caption;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small procedural "before/after" scenes: a field, and the same field with a new building and road. */
final class TestImages {

  private TestImages() {}

  static BufferedImage before() {
    BufferedImage img = new BufferedImage(80, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(70, 120, 50));
    g.fillRect(0, 0, 80, 64);
    g.setColor(new Color(40, 90, 140));
    g.fillOval(50, 30, 24, 20);
    g.dispose();
    return img;
  }

  static BufferedImage after() {
    BufferedImage img = before();
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(180, 180, 175));
    g.fillRect(10, 10, 20, 16);
    g.setColor(new Color(90, 90, 90));
    g.fillRect(0, 40, 80, 5);
    g.dispose();
    return img;
  }

  /** The image with its red channel raised: a third, distinct scene. */
  static BufferedImage tinted(BufferedImage src) {
    BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        int rgb = src.getRGB(x, y);
        int r = Math.min(255, (rgb >> 16 & 0xff) + 90);
        img.setRGB(x, y, (r << 16) | (rgb & 0xffff));
      }
    }
    return img;
  }
}
