package io.github.geollava.examples.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/** Escaping and image embedding for {@link ReportWriter}: everything that turns data into markup. */
final class Html {

  /** Larger images are not embedded: the report must stay a file one can mail. */
  static final long MAX_IMAGE_BYTES = 8L << 20;

  private Html() {}

  /** Escapes text for element content and quoted attribute values; null gives "". */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * An {@code <img>} with the file inlined as a base64 data URI, or a placeholder box naming the path
   * when the file is missing, unreadable, too large or not a PNG, JPEG, GIF, WebP or BMP image. Never
   * throws: one bad image must not cost the whole report.
   */
  static String image(Path file, String alt) {
    String why;
    if (file == null) {
      why = "no image";
    } else if (!Files.isRegularFile(file)) {
      why = "image not found";
    } else {
      try {
        long size = Files.size(file);
        if (size > MAX_IMAGE_BYTES) {
          why = "image too large to embed (" + Units.bytes(size) + ")";
        } else {
          byte[] data = Files.readAllBytes(file);
          String mime = mime(file, data);
          if (mime == null) {
            why = "not a PNG, JPEG, GIF, WebP or BMP image";
          } else {
            return "<img src=\"data:" + mime + ";base64," + Base64.getEncoder().encodeToString(data)
                + "\" alt=\"" + esc(alt) + "\">";
          }
        }
      } catch (IOException | SecurityException e) {
        why = "image unreadable: " + e.getMessage();
      }
    }
    return "<div class=\"missing\" role=\"img\" aria-label=\"" + esc(alt) + "\"><span>" + esc(why)
        + "</span><code>" + esc(file == null ? "" : file.toString()) + "</code></div>";
  }

  /** The image type from the magic bytes (the extension can lie), or null for anything else. */
  static String mime(Path file, byte[] d) {
    if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
      return "image/png";
    }
    if (d.length >= 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8') {
      return "image/gif";
    }
    if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F'
        && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
      return "image/webp";
    }
    if (d.length >= 2 && d[0] == 'B' && d[1] == 'M'
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bmp")) {
      return "image/bmp";
    }
    return null;
  }
}
