package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.LocationPlan.Road;
import io.github.geollava.dataset.synth.LocationPlan.Use;
import io.github.geollava.dataset.synth.SceneState.Look;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the "Changes Between the Images" section: one sentence per change event, phrased in one of
 * several ways chosen by the seed. Every phrasing carries a cue that {@link ChangeEventDetector}
 * recognises, and no phrasing carries another event's cue (a test checks both on every caption).
 */
final class ChangeNarrator {
  private ChangeNarrator() {}

  static List<String> sentences(LocationPlan plan, SceneState a, SceneState b,
      List<ChangeEvent> events, SplitMix rng) {
    List<String> out = new ArrayList<>();
    for (ChangeEvent e : events) {
      out.add(sentence(e, plan, a, b, rng));
    }
    return out;
  }

  private static String sentence(ChangeEvent e, LocationPlan plan, SceneState a, SceneState b,
      SplitMix rng) {
    return switch (e) {
      case NEW_BUILDINGS -> newBuildings(plan, SceneDiff.newBuildings(a, b), rng);
      case DEMOLITION -> demolition(plan, SceneDiff.demolished(a, b), rng);
      case NEW_ROADS -> newRoads(plan, SceneDiff.newRoads(a, b), rng);
      case VEGETATION_GROWTH -> rng.pick(new String[] {
          "Tree cover has increased, and the wooded patches have expanded.",
          "More trees are visible than before, as the vegetation has grown denser.",
          "Vegetation has regrown, with denser woodland across the open land."});
      case VEGETATION_LOSS -> rng.pick(new String[] {
          "Tree cover has decreased, with several wooded patches cleared.",
          "Fewer trees are visible; parts of the woodland have been cut down.",
          "Vegetation has been lost as wooded areas were cleared."});
      case SEASONAL_CHANGE -> season(a.look, b.look, rng);
      case WATER_RISE -> rng.pick(new String[] {
          "The water level has risen, and the shoreline has moved outward.",
          "The water has expanded, flooding parts of the surrounding land.",
          "Higher water now covers more of the banks than in the first image."});
      case WATER_DROP -> rng.pick(new String[] {
          "The water level has dropped, exposing more of the shoreline.",
          "The water has receded, leaving a wider strip of exposed bank.",
          "Lower water now leaves more of the banks dry than in the first image."});
      case CROP_ROTATION -> crops(a, b, rng);
      case MORE_VEHICLES -> rng.pick(new String[] {
          "The parking lot is fuller, with more cars parked than before.",
          "More vehicles now occupy the parking spaces.",
          "Parking occupancy has increased noticeably, with more cars in the stalls."});
      case FEWER_VEHICLES -> rng.pick(new String[] {
          "The parking lot is emptier, with fewer cars parked than before.",
          "Fewer vehicles now occupy the parking spaces.",
          "Parking occupancy has decreased noticeably, leaving many stalls empty."});
      case NEW_SOLAR_PANELS -> solar(plan, a, b, rng);
      case MINE_EXPANSION -> rng.pick(new String[] {
          "The open pit has expanded, its terraced rim reaching further outward.",
          "Mining has widened the excavation, which now covers a larger area.",
          "The mine pit is larger than before, with new terraces cut into its edge."});
    };
  }

  private static String newBuildings(LocationPlan plan, List<Integer> idx, SplitMix rng) {
    String what = uses(plan, idx, rng);
    double[] c = SceneDescriber.centroid(plan, idx);
    String where = Phrases.where(c[0], c[1], rng);
    boolean one = idx.size() == 1;
    return switch (rng.nextInt(3)) {
      case 0 -> Phrases.capitalise(newPhrase(what, idx.size(), rng)) + (one ? " has" : " have")
          + " been built" + where + ".";
      case 1 -> "Construction has added " + newPhrase(what, idx.size(), rng) + where + ".";
      default -> Phrases.capitalise(Phrases.quantity(idx.size(), rng)) + " additional " + what
          + (one ? " now stands" : " now stand") + where + ".";
    };
  }

  private static String newPhrase(String what, int n, SplitMix rng) {
    return n == 1 ? "a new " + what : Phrases.quantity(n, rng) + " new " + what;
  }

  /** "houses", "warehouse", or "houses and an office building": the kinds of buildings listed. */
  private static String uses(LocationPlan plan, List<Integer> idx, SplitMix rng) {
    Map<Use, Integer> m = new EnumMap<>(Use.class);
    for (int i : idx) {
      m.merge(plan.buildings().get(i).use(), 1, Integer::sum);
    }
    if (m.size() == 1) {
      Map.Entry<Use, Integer> e = m.entrySet().iterator().next();
      return e.getValue() == 1 ? e.getKey().one : e.getKey().many;
    }
    return idx.size() == 1 ? "building" : "buildings";
  }

  private static String demolition(LocationPlan plan, List<Integer> idx, SplitMix rng) {
    String what = uses(plan, idx, rng);
    double[] c = SceneDescriber.centroid(plan, idx);
    String where = Phrases.where(c[0], c[1], rng);
    boolean one = idx.size() == 1;
    String q = one ? "one" : Phrases.quantity(idx.size(), rng);
    return switch (rng.nextInt(3)) {
      case 0 -> Phrases.capitalise(q) + " " + what + where + (one ? " has" : " have")
          + " been demolished, leaving bare ground.";
      case 1 -> Phrases.capitalise(q) + " " + what + where + (one ? " has" : " have")
          + " been torn down.";
      default -> "Demolition has removed " + q + " " + what + where + ", leaving a cleared lot.";
    };
  }

  private static String newRoads(LocationPlan plan, List<Integer> idx, SplitMix rng) {
    Road r = plan.roads().get(idx.get(0));
    String kind = switch (r.kind()) {
      case DIRT -> "dirt track";
      case TAXIWAY -> "taxiway";
      case PATH -> "footpath";
      case HIGHWAY -> "highway";
      case STREET -> rng.chance(0.5) ? "road" : "street";
    };
    double cx = Math.max(0.05, Math.min(0.95, (r.x0() + r.x1()) / 2));
    double cy = Math.max(0.05, Math.min(0.95, (r.y0() + r.y1()) / 2));
    String where = Phrases.where(cx, cy, rng);
    return switch (rng.nextInt(3)) {
      case 0 -> "A new " + kind + " has been laid" + where + ".";
      case 1 -> "The road network has been extended with a new " + kind + where + ".";
      default -> "A " + kind + " that was absent before now runs" + where + ".";
    };
  }

  static String lookWord(Look l) {
    return switch (l) {
      case GREEN -> "green";
      case DRY -> "dry and brown";
      case SNOW -> "covered in snow";
    };
  }

  private static String season(Look a, Look b, SplitMix rng) {
    return switch (rng.nextInt(3)) {
      case 0 -> "The season has changed: the land that was " + lookWord(a) + " is now "
          + lookWord(b) + ".";
      case 1 -> "A seasonal shift is evident, with the ground turning from " + lookWord(a) + " to "
          + lookWord(b) + ".";
      default -> b == Look.SNOW ? "Seasonal snow now covers ground that was " + lookWord(a) + "."
          : a == Look.SNOW ? "The seasonal snow has melted, and the ground is now " + lookWord(b)
              + "."
          : "Seasonal conditions differ: the land has gone from " + lookWord(a) + " to "
              + lookWord(b) + ".";
    };
  }

  private static String crops(SceneState a, SceneState b, SplitMix rng) {
    List<Integer> changed = SceneDiff.changedFields(a, b);
    int i = changed.get(0);
    String example = "one field that showed " + SceneDescriber.cropWord(a.crops[i])
        + " now shows " + SceneDescriber.cropWord(b.crops[i]);
    String count = changed.size() == 1 ? "One field" : Phrases.capitalise(
        Phrases.quantity(changed.size(), rng)) + " fields";
    return switch (rng.nextInt(3)) {
      case 0 -> "Crop rotation is visible: " + example + ".";
      case 1 -> count + (changed.size() == 1 ? " now carries" : " now carry")
          + " a different crop; for example, " + example + ".";
      default -> "The fields have been replanted or harvested, so " + example + ".";
    };
  }

  private static String solar(LocationPlan plan, SceneState a, SceneState b, SplitMix rng) {
    int n = 0;
    double x = 0;
    double y = 0;
    for (int i = 0; i < a.solar.length; i++) {
      if (!a.solar[i] && b.solar[i]) {
        n++;
        x += plan.solar().get(i).r().cx();
        y += plan.solar().get(i).r().cy();
      }
    }
    String where = Phrases.where(x / n, y / n, rng);
    String blocks = n == 1 ? "a new block" : Phrases.quantity(n, rng) + " new blocks";
    return switch (rng.nextInt(3)) {
      case 0 -> Phrases.capitalise(blocks) + " of solar panels " + (n == 1 ? "has" : "have")
          + " been installed" + where + ".";
      case 1 -> "The solar farm has expanded with additional panel rows" + where + ".";
      default -> "More solar panels cover the ground than before, with " + blocks + where + ".";
    };
  }
}
