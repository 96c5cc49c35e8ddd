package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.fmow.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PNG grid of a few pairs (the written JPEGs, read back) with their true events and captions, for a
 * person to judge the data at a glance. Text uses the platform's fonts, so this file is the one
 * output that is not byte-identical across machines.
 */
final class ContactSheet {
  private static final Logger LOG = LoggerFactory.getLogger(ContactSheet.class);
  private static final int PAD = 8;
  private static final int TEXT_WIDTH = 560;

  private ContactSheet() {}

  /** Picks up to k pairs, one per category first, preferring pairs that show change. */
  static List<PairRecord> pick(List<PairRecord> all, int k) {
    List<PairRecord> out = new ArrayList<>();
    Set<SynthCategory> seen = EnumSet.noneOf(SynthCategory.class);
    for (int pass = 0; pass < 2 && out.size() < k; pass++) {
      for (PairRecord r : all) {
        SynthCategory c = r.location().profile().category();
        if (out.size() < k && !out.contains(r) && !seen.contains(c)
            && (pass == 1 || !r.events().isEmpty())) {
          out.add(r);
          seen.add(c);
        }
      }
    }
    return out;
  }

  static void write(Path file, Path root, List<PairRecord> all, int k, int size) throws IOException {
    List<PairRecord> rows = pick(all, k);
    int rowHeight = Math.max(size, 250) + PAD;
    int width = PAD + 2 * (size + PAD) + TEXT_WIDTH + PAD;
    int height = PAD + Math.max(1, rows.size()) * rowHeight;
    BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(new Color(24, 24, 28));
      g.fillRect(0, 0, width, height);
      for (int i = 0; i < rows.size(); i++) {
        PairRecord r = rows.get(i);
        int y = PAD + i * rowHeight;
        BufferedImage a = ImageIO.read(root.resolve(r.relativeImage(r.first())).toFile());
        BufferedImage b = ImageIO.read(root.resolve(r.relativeImage(r.second())).toFile());
        g.drawImage(a, PAD, y, size, size, null);
        g.drawImage(b, PAD + size + PAD, y, size, size, null);
        try {
          text(g, r, PAD + 2 * (size + PAD), y, rowHeight - PAD);
        } catch (RuntimeException | InternalError e) {
          // Headless machines without fonts cannot draw text; the images alone are still useful.
          LOG.warn("contact sheet: cannot draw text ({}); writing images only", e.toString());
        }
      }
    } finally {
      g.dispose();
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, out -> ImageIO.write(sheet, "png", out));
  }

  private static void text(Graphics2D g, PairRecord r, int x, int y, int maxHeight) {
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    g.setColor(new Color(255, 214, 120));
    FontMetrics fm = g.getFontMetrics();
    String head = r.location().profile().locationName() + "  " + r.first().timestamp().toString()
        .substring(0, 10) + " -> " + r.second().timestamp().toString().substring(0, 10)
        + "  events: " + (r.events().isEmpty() ? "none" : r.events());
    int line = y + fm.getAscent();
    for (String l : wrap(head, fm, TEXT_WIDTH)) {
      g.drawString(l, x, line);
      line += fm.getHeight();
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(new Color(225, 225, 225));
    fm = g.getFontMetrics();
    for (String para : r.caption().split("\n")) {
      for (String l : wrap(para, fm, TEXT_WIDTH)) {
        if (line > y + maxHeight) {
          return;
        }
        g.drawString(l, x, line);
        line += fm.getHeight();
      }
    }
  }

  private static List<String> wrap(String text, FontMetrics fm, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      String next = cur.length() == 0 ? word : cur + " " + word;
      if (fm.stringWidth(next) > width && cur.length() > 0) {
        lines.add(cur.toString());
        cur = new StringBuilder(word);
      } else {
        cur = new StringBuilder(next);
      }
    }
    if (cur.length() > 0) {
      lines.add(cur.toString());
    }
    return lines;
  }
}
