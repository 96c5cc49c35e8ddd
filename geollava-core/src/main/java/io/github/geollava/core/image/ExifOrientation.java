package io.github.geollava.core.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Finds the EXIF orientation tag (0x0112) of a JPEG (in its APP1 "Exif" segment) or a TIFF (in IFD0).
 * A small reader of our own: only IFD0's one tag is needed, and a damaged EXIF block must never make an
 * otherwise good image unreadable, so every problem here means "no orientation" (1).
 */
public final class ExifOrientation {

  private static final int TAG_ORIENTATION = 0x0112;

  private ExifOrientation() {}

  /** The orientation 1..8 of an encoded JPEG or TIFF, or 1 when absent or unreadable. */
  public static int of(byte[] file) {
    try {
      if (file.length > 4 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8) {
        return fromJpeg(file);
      }
      if (file.length > 8 && (isTiffHeader(file, 0))) {
        return fromTiff(file, 0, file.length);
      }
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      return 1; // damaged metadata: keep the pixels as stored
    }
    return 1;
  }

  private static boolean isTiffHeader(byte[] b, int off) {
    return (b[off] == 'I' && b[off + 1] == 'I' && b[off + 2] == 42 && b[off + 3] == 0)
        || (b[off] == 'M' && b[off + 1] == 'M' && b[off + 2] == 0 && b[off + 3] == 42);
  }

  private static int fromJpeg(byte[] b) {
    int p = 2;
    while (p + 4 <= b.length) {
      if ((b[p] & 0xff) != 0xFF) {
        return 1;
      }
      int marker = b[p + 1] & 0xff;
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        p += 2;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        return 1; // start of scan or end: no EXIF before the image data
      }
      int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
      if (marker == 0xE1 && len >= 8 && b[p + 4] == 'E' && b[p + 5] == 'x' && b[p + 6] == 'i'
          && b[p + 7] == 'f' && b[p + 8] == 0 && b[p + 9] == 0) {
        int tiff = p + 10;
        return fromTiff(b, tiff, Math.min(b.length, p + 2 + len));
      }
      p += 2 + len;
    }
    return 1;
  }

  private static int fromTiff(byte[] b, int start, int end) {
    if (!isTiffHeader(b, start)) {
      return 1;
    }
    ByteBuffer buf = ByteBuffer.wrap(b, 0, end)
        .order(b[start] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    long ifd = buf.getInt(start + 4) & 0xffffffffL;
    int pos = (int) (start + ifd);
    int entries = buf.getShort(pos) & 0xffff;
    for (int i = 0; i < entries; i++) {
      int e = pos + 2 + 12 * i;
      int tag = buf.getShort(e) & 0xffff;
      if (tag == TAG_ORIENTATION) {
        int type = buf.getShort(e + 2) & 0xffff;
        int value = type == 3 ? buf.getShort(e + 8) & 0xffff : buf.getInt(e + 8);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }
}
