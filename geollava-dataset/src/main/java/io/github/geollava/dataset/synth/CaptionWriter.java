package io.github.geollava.dataset.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * GeoLLaVA-style captions: {@code Image 1: ...}, {@code Image 2: ...}, {@code Changes Between the
 * Images: ...}, 80 to 200 words, assembled from {@link SceneDescriber} and {@link ChangeNarrator}.
 * Filler sentences (what stayed the same, why colours differ) contain no change cue.
 */
final class CaptionWriter {
  private CaptionWriter() {}

  /** The section header the detector looks for. */
  static final String CHANGES = "Changes Between the Images:";

  static final int MIN_WORDS = 80;
  static final int MAX_WORDS = 200;

  /** The inputs of one side of a pair. */
  record Side(SceneState state, Nuisance nuisance, int cloudPercent) {}

  static String pairCaption(LocationProfile p, LocationPlan plan, Side first, Side second,
      List<ChangeEvent> events, SplitMix rng) {
    String d1 = SceneDescriber.describe(p, plan, first.state(), first.nuisance(),
        first.cloudPercent(), rng);
    String d2 = SceneDescriber.describe(p, plan, second.state(), second.nuisance(),
        second.cloudPercent(), rng);
    List<String> changes = new ArrayList<>(ChangeNarrator.sentences(plan, first.state(),
        second.state(), events, rng));
    if (events.isEmpty()) {
      changes.add(rng.pick(new String[] {
          "No significant changes are visible between the two images.",
          "The two images show essentially the same scene, with no notable changes.",
          "The scene appears unchanged between the two acquisitions."}));
    }
    List<String> fillers = new ArrayList<>(List.of(
        rng.pick(new String[] {
            "The overall layout of the " + p.category().noun() + " remains the same.",
            "The main features of the " + p.category().noun() + " are unchanged.",
            "The general arrangement of the " + p.category().noun() + " is still recognisable."}),
        rng.pick(new String[] {
            "Differences in brightness and shadow direction come from the acquisition conditions,"
                + " not from changes on the ground.",
            "Apart from lighting and atmospheric differences, the remaining parts of the scene"
                + " match.",
            "Variations in color and contrast reflect the sun angle and the atmosphere at each"
                + " acquisition time."})));
    String caption = assemble(d1, d2, changes);
    while (Phrases.words(caption) < MIN_WORDS && !fillers.isEmpty()) {
      changes.add(fillers.remove(0));
      caption = assemble(d1, d2, changes);
    }
    if (Phrases.words(caption) < MIN_WORDS) {
      changes.add("Both images were captured from nearly the same viewpoint, and the objects"
          + " described above can be matched between them.");
      caption = assemble(d1, d2, changes);
    }
    return caption;
  }

  private static String assemble(String d1, String d2, List<String> changes) {
    return "Image 1: " + d1 + "\nImage 2: " + d2 + "\n" + CHANGES + " " + String.join(" ", changes);
  }

  /** A single-image description for base-model pre-training. */
  static String sceneDescription(LocationProfile p, LocationPlan plan, SceneState s, Nuisance n,
      int cloudPercent, SplitMix rng) {
    return SceneDescriber.describe(p, plan, s, n, cloudPercent, rng);
  }
}
