package io.github.geollava.core.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Two-frame PNG videos whose colours decide the answer, in the tiny model's vocabulary. */
final class TrainFixtures {

  static final String PROMPT = "describe the images and the changes between them";

  private TrainFixtures() {}

  static List<CaptionExample> examples(Path dir, int n) throws IOException {
    String[][] kinds = {
      {"the forest is green", "the forest is brown", "the forest changed"},
      {"the lake is large", "the lake is small", "the water changed"},
      {"the area is rural", "the area is urban", "new buildings appeared"},
      {"the field is green", "the field is green", "the field is unchanged"},
    };
    Color[][] colours = {
      {new Color(20, 140, 40), new Color(140, 100, 40)},
      {new Color(30, 60, 200), new Color(90, 120, 180)},
      {new Color(120, 170, 90), new Color(150, 150, 150)},
      {new Color(60, 200, 60), new Color(60, 200, 60)},
    };
    List<CaptionExample> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = i % kinds.length;
      Path video = dir.resolve("video_" + i);
      Files.createDirectories(video);
      for (int f = 0; f < 2; f++) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colours[k][f]);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.WHITE);
        g.fillRect(i % 40, (i * 7) % 40, 6, 6); // a little per-example noise
        g.dispose();
        ImageIO.write(img, "png", video.resolve(f + ".png").toFile());
      }
      String answer = "image 1 : " + kinds[k][0] + " . image 2 : " + kinds[k][1] + " . " + kinds[k][2] + " .";
      out.add(new CaptionExample("ex" + i, video, PROMPT, answer));
    }
    return out;
  }
}
