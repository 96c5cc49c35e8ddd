package io.github.geollava.dataset.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG encoding at a fixed quality through the JDK's own ImageIO encoder (the IJG libjpeg 6b code the
 * JDK bundles; measured on OpenJDK 17.0.15), writing to memory so that no ImageIO disk cache and no
 * global ImageIO setting is involved. One writer per thread is kept: looking writers up in the ImageIO
 * registry costs more than encoding a 224 px image.
 */
final class JpegCodec {
  private JpegCodec() {}

  private static final ThreadLocal<ImageWriter> WRITER = ThreadLocal.withInitial(JpegCodec::jdkWriter);

  /** The JDK's own JPEG writer, even when a plugin (e.g. TwelveMonkeys) registers another one. */
  private static ImageWriter jdkWriter() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter chosen = null;
    while (writers.hasNext()) {
      ImageWriter w = writers.next();
      if (chosen == null || (w.getClass().getName().startsWith("com.sun.imageio.")
          && !chosen.getClass().getName().startsWith("com.sun.imageio."))) {
        if (chosen != null) {
          chosen.dispose();
        }
        chosen = w;
      } else {
        w.dispose();
      }
    }
    if (chosen == null) {
      throw new IllegalStateException("no JPEG writer in this JDK's ImageIO");
    }
    return chosen;
  }

  static byte[] encode(int[] rgb, int size, float quality) throws IOException {
    // BGR bytes are the encoder's native layout: no per-pixel colour model conversion in Java.
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
    byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
      int p = rgb[i];
      data[j] = (byte) p;
      data[j + 1] = (byte) (p >> 8);
      data[j + 2] = (byte) (p >> 16);
    }
    ImageWriter writer = WRITER.get();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(size * size / 2);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.reset();
    }
    return bytes.toByteArray();
  }
}
