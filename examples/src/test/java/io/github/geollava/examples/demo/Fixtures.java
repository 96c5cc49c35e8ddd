package io.github.geollava.examples.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Small rows and images shared by the demo package's tests. */
final class Fixtures {

  private Fixtures() {}

  /** A metrics map from alternating keys and values. */
  static Map<String, Double> metrics(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return m;
  }

  /** A base row and two fine-tunes; the LoRA row lacks BERTScore. */
  static List<VariantResult> rows() {
    return List.of(
        new VariantResult("base", "pre-trained only", 0, 1_534_208, 6_136_832, 0,
            metrics("rouge1", 0.1234, "rouge2", 0.02, "rougeL", 0.11, "bleu", 0.05, "similarity", 0.4,
                "bertscore", 0.8, "events", 0.1),
            List.of("a base caption")),
        new VariantResult("LoRA", "LoRA r=64 α=128, fp32 base", 98_304, 1_632_512, 6_136_832, 123.45,
            metrics("rouge1", 0.4567, "rouge2", 0.2, "rougeL", 0.4, "bleu", 0.3, "similarity", 0.7,
                "events", 0.5),
            List.of("new buildings appear")),
        new VariantResult("QLoRA-NF4", "LoRA r=64 α=128, NF4 base", 98_304, 1_632_512, 1_000_000, 200,
            metrics("rouge1", 0.40, "rouge2", 0.25, "rougeL", 0.39, "bleu", 0.29, "similarity", 0.69,
                "bertscore", 0.85, "events", 0.45),
            List.of()));
  }

  /** Writes a small solid-colour PNG. */
  static Path png(Path file, Color colour) throws IOException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 16, 16);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
    return file;
  }
}
