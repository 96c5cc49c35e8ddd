package io.github.geollava.dataset.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SceneRendererTest {

  /**
   * SHA-256 of the raw pixels and labels (before JPEG) of the first 14 locations, seed 3, 96 px.
   * Pure Java arithmetic with StrictMath, so this must hold on every JVM; if the pinned tree hash of
   * {@link SyntheticFmowTest} changes but this one does not, the JDK's JPEG encoder changed.
   */
  static final String PINNED_PIXELS =
      "d9ebc6b4ce9e6dcd83893b2c5e0929ff3b2a25a3e244ce5ef88d5cbe012f291f";

  @Test
  void rawPixelsArePinned() throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (int i = 0; i < 14; i++) {
      SimulatedLocation loc = SimulatedLocation.simulate(3, i, 0);
      for (LocationWriter.Rendered r : LocationWriter.render(loc, 96)) {
        ByteBuffer b = ByteBuffer.allocate(r.rgb().length * 4);
        b.asIntBuffer().put(r.rgb());
        md.update(b.array());
        md.update(r.labels());
      }
    }
    assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo(PINNED_PIXELS);
  }

  @Test
  void imagesLookLikeImageryNotFlatColour() {
    SimulatedLocation loc = SimulatedLocation.simulate(3, 5, 0);
    LocationWriter.Rendered r = LocationWriter.render(loc, 128)[0];
    // Textured: many distinct colours and local variation everywhere, not a few flat blocks.
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    double localVariation = 0;
    for (int y = 0; y < 128; y++) {
      for (int x = 1; x < 128; x++) {
        int a = r.rgb()[y * 128 + x];
        int b = r.rgb()[y * 128 + x - 1];
        colours.add(a);
        localVariation += Math.abs(((a >> 8) & 255) - ((b >> 8) & 255));
      }
    }
    assertThat(colours.size()).isGreaterThan(3000);
    assertThat(localVariation / (128 * 127)).isGreaterThan(2.0);
    assertThat(r.labels()).hasSize(128 * 128);
  }

  @Test
  void nuisanceNeverChangesTheLabels() {
    SimulatedLocation loc = SimulatedLocation.simulate(3, 6, 0);
    SimulatedLocation.Acquisition a = loc.acquisitions().get(0);
    Canvas c1 = new Canvas(96);
    SceneRenderer.Textures t = new SceneRenderer.Textures(loc.profile().textureSeed(), c1.w, 96);
    SceneRenderer.render(c1, t, loc.profile(), loc.plan(), a.state(), 120, 30);
    Canvas c2 = new Canvas(96);
    SceneRenderer.render(c2, t, loc.profile(), loc.plan(), a.state(), 230, 70);
    assertThat(c2.cropLabels()).isEqualTo(c1.cropLabels());
  }
}
