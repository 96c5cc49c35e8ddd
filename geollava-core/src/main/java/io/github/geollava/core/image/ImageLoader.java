package io.github.geollava.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files as upright 8-bit RGB, the way transformers' {@code load_image} does
 * ({@code ImageOps.exif_transpose}, then {@code convert("RGB")}).
 *
 * <p>Formats: whatever ImageIO can read, with TwelveMonkeys' JPEG (CMYK/YCCK, broken ICC profiles) and
 * TIFF readers on the class path, plus the JDK's PNG, BMP and GIF. A file that does not decode, or
 * whose decoder reports truncated or corrupt data (where Java would silently return grey pixels and PIL
 * raises "image file is truncated"), throws {@link CorruptImageException} naming it.
 */
public final class ImageLoader {

  static {
    ImageIO.setUseCache(false); // decode in memory; no temp files for every image
  }

  private ImageLoader() {}

  /**
   * Reads, orients and converts an image file.
   *
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws CorruptImageException if it cannot be decoded
   * @throws IOException if it cannot be read
   */
  public static RgbImage readRgb(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    BufferedImage img = decode(file, bytes);
    return RgbImage.from(img).oriented(ExifOrientation.of(bytes));
  }

  /**
   * Like {@link #readRgb(Path)}, as a {@code TYPE_3BYTE_BGR} BufferedImage.
   *
   * @throws IOException if the file cannot be read or decoded (the message names it)
   */
  public static BufferedImage read(Path file) throws IOException {
    return readRgb(file).toBufferedImage();
  }

  private static BufferedImage decode(Path file, byte[] bytes) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new CorruptImageException(file, "not a supported image format (JPEG, PNG, TIFF, BMP,"
            + " GIF)", null);
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((src, warning) -> warnings.add(warning));
      try {
        reader.setInput(in, true, true);
        BufferedImage img = reader.read(0);
        for (String w : warnings) {
          String lw = w.toLowerCase(Locale.ROOT);
          if (lw.contains("premature") || lw.contains("corrupt") || lw.contains("truncat")) {
            throw new CorruptImageException(file, w, null);
          }
        }
        if (img == null || img.getWidth() < 1 || img.getHeight() < 1) {
          throw new CorruptImageException(file, "decoder returned no image", null);
        }
        return img;
      } catch (CorruptImageException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // decoders throw IIOException, but also IndexOutOfBounds and friends on hostile input
        throw new CorruptImageException(file, String.valueOf(e.getMessage()), e);
      } finally {
        reader.dispose();
      }
    }
  }
}
