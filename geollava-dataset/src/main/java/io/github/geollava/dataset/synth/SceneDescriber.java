package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.LocationPlan.Building;
import io.github.geollava.dataset.synth.LocationPlan.Crop;
import io.github.geollava.dataset.synth.LocationPlan.Use;
import io.github.geollava.dataset.synth.LocationProfile.Climate;
import io.github.geollava.dataset.synth.SceneState.Look;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Describes one acquisition in a few sentences, from its state and conditions only, so that each
 * statement holds in its pixels: what the place is, its buildings and surfaces, land cover and
 * season, and the atmosphere.
 */
final class SceneDescriber {
  private SceneDescriber() {}

  /** Haze above which the description mentions it. */
  static final double HAZE_MENTION = 0.15;

  /** Cloud cover percentage from which the description mentions cloud. */
  static final int CLOUD_MENTION = 5;

  static String describe(LocationProfile p, LocationPlan plan, SceneState s, Nuisance n,
      int cloudPercent, SplitMix rng) {
    List<String> out = new ArrayList<>();
    out.add(overview(p, plan, s, rng));
    String detail = detail(p.category(), plan, s, rng);
    if (!detail.isEmpty()) {
      out.add(detail);
    }
    out.add(landCover(p.country().climate, s, rng));
    String air = atmosphere(n, cloudPercent, rng);
    if (!air.isEmpty()) {
      out.add(air);
    }
    return String.join(" ", out);
  }

  private static String overview(LocationProfile p, LocationPlan plan, SceneState s,
      SplitMix rng) {
    String opener = switch (rng.nextInt(4)) {
      case 0 -> "The image shows ";
      case 1 -> "This satellite image captures ";
      case 2 -> "The scene depicts ";
      default -> "The aerial view shows ";
    };
    return opener + p.category().phrase() + buildingsClause(plan, s, rng) + ".";
  }

  /** Standing buildings by use, in enum order. */
  static Map<Use, Integer> standingByUse(LocationPlan plan, SceneState s) {
    Map<Use, Integer> m = new EnumMap<>(Use.class);
    for (int i = 0; i < plan.buildings().size(); i++) {
      if (s.standing(i)) {
        m.merge(plan.buildings().get(i).use(), 1, Integer::sum);
      }
    }
    return m;
  }

  private static String buildingsClause(LocationPlan plan, SceneState s, SplitMix rng) {
    Map<Use, Integer> m = standingByUse(plan, s);
    if (m.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Use, Integer> e : m.entrySet()) {
      int k = e.getValue();
      parts.add(Phrases.quantity(k, rng) + " " + (k == 1 ? e.getKey().one : e.getKey().many));
    }
    String list = parts.size() == 1 ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(
            parts.size() - 1);
    return (rng.chance(0.5) ? " with " : ", including ") + list;
  }

  private static String detail(SynthCategory c, LocationPlan plan, SceneState s, SplitMix rng) {
    List<String> bits = new ArrayList<>();
    int roads = 0;
    for (boolean r : s.roads) {
      roads += r ? 1 : 0;
    }
    switch (c) {
      case AIRPORT -> bits.add("A long runway with white markings runs across the image, with a "
          + "parallel taxiway and " + Phrases.quantity(plan.crafts().size(), rng)
          + " aircraft parked on the apron.");
      case CONSTRUCTION_SITE -> bits.add("Much of the site is graded bare soil with foundation "
          + "slabs and " + Phrases.quantity(plan.crafts().size(), rng) + " work vehicles.");
      case CROP_FIELD, WIND_FARM -> {
        if (c == SynthCategory.WIND_FARM) {
          bits.add(Phrases.capitalise(Phrases.quantity(plan.turbines().size(), rng))
              + " wind turbines cast long thin shadows across the fields.");
        }
        bits.add(crops(s, rng));
      }
      case LAKE_OR_POND -> bits.add("The lake is " + waterWord(s.water) + ", with "
          + (s.vegetation >= 3 ? "wooded" : "open") + " land along its shore.");
      case ROAD_BRIDGE -> bits.add("A " + (s.water > 0 ? "wide" : (s.water < 0 ? "narrow" : "winding"))
          + " river flows through the scene, crossed by a highway bridge.");
      case SOLAR_FARM -> {
        int built = 0;
        for (boolean b : s.solar) {
          built += b ? 1 : 0;
        }
        bits.add(Phrases.capitalise(Phrases.quantity(built, rng)) + (built == 1 ? " block" : " blocks")
            + " of dark solar panels are arranged in neat rows.");
      }
      case PARK -> {
        boolean sports = false;
        for (LocationPlan.Patch patch : plan.patches()) {
          sports |= patch.kind() == LocationPlan.PatchKind.SPORTS_FIELD;
        }
        bits.add(sports ? "Footpaths cross the lawns, and a small pond and a sports field are visible."
            : "Footpaths cross the lawns, and a small pond is visible.");
      }
      case PORT -> bits.add("Piers extend into the water, with " + Phrases.quantity(
          plan.crafts().size(), rng) + " ships moored alongside and a yard of stacked containers.");
      case SURFACE_MINE -> bits.add("A terraced open pit " + (s.mine >= 2 ? "dominates" : "occupies")
          + " the center, reached by unpaved haul roads.");
      case GOLF_COURSE -> bits.add("Light green fairways lead to round putting greens with small "
          + "sand bunkers.");
      default -> { }
    }
    if (!plan.lots().isEmpty()) {
      bits.add(parkingSentence(s.parking, rng));
    }
    if (bits.isEmpty() && roads > 0) {
      bits.add("Paved roads pass through the area.");
    }
    return String.join(" ", bits);
  }

  static String waterWord(int level) {
    return level >= 2 ? "very full, its water spreading over low ground"
        : level == 1 ? "full" : level == 0 ? "at a moderate level" : "low, with exposed banks";
  }

  static String parkingSentence(int level, SplitMix rng) {
    String[] words = {"nearly empty", "lightly used, with scattered cars", "about half full",
        "almost full of cars"};
    return rng.chance(0.5) ? "The parking lot is " + words[level] + "."
        : "The parking area appears " + words[level] + ".";
  }

  static String cropWord(Crop c) {
    return switch (c) {
      case GREEN_CROP -> "green crops";
      case RIPE_GRAIN -> "ripe golden grain";
      case PLOUGHED -> "freshly ploughed brown soil";
      case FALLOW -> "pale fallow ground";
    };
  }

  private static String crops(SceneState s, SplitMix rng) {
    if (s.look == Look.SNOW) {
      return "The fields are covered by snow, with only faint furrows visible.";
    }
    List<Crop> seen = new ArrayList<>();
    for (Crop c : s.crops) {
      if (!seen.contains(c)) {
        seen.add(c);
      }
    }
    seen.sort(null);
    List<String> names = new ArrayList<>();
    for (Crop c : seen) {
      names.add(cropWord(c));
    }
    String list = names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(
            names.size() - 1);
    return (rng.chance(0.5) ? "The fields show " : "The rectangular fields display ") + list + ".";
  }

  private static String landCover(Climate climate, SceneState s, SplitMix rng) {
    String ground = switch (s.look) {
      case SNOW -> rng.chance(0.5) ? "Snow covers the open ground" : "The landscape is blanketed in snow";
      case DRY -> climate == Climate.ARID
          ? (rng.chance(0.5) ? "The terrain is arid, with sandy tan soil" : "The surrounding land is dry desert soil")
          : (rng.chance(0.5) ? "The open ground looks dry and brown" : "The grass appears dry, in tan and brown tones");
      case GREEN -> rng.chance(0.5) ? "The open ground is green" : "Green grass covers the open land";
    };
    String trees = s.vegetation <= 1 ? "trees are sparse"
        : s.vegetation <= 3 ? "scattered trees and patches of woodland are visible"
        : "dense tree cover surrounds the area";
    return ground + ", and " + trees + ".";
  }

  private static String atmosphere(Nuisance n, int cloudPercent, SplitMix rng) {
    if (cloudPercent >= CLOUD_MENTION) {
      return rng.chance(0.5) ? "Thin clouds partly veil the view." : "Some thin cloud is present over part of the image.";
    }
    if (n.haze() >= HAZE_MENTION) {
      return rng.chance(0.5) ? "A light haze softens the contrast." : "The image is slightly hazy.";
    }
    return "";
  }

  /** Centroid of some buildings, for location phrases. */
  static double[] centroid(LocationPlan plan, List<Integer> buildings) {
    double x = 0;
    double y = 0;
    for (int i : buildings) {
      Building b = plan.buildings().get(i);
      x += b.r().cx();
      y += b.r().cy();
    }
    return new double[] {x / buildings.size(), y / buildings.size()};
  }
}
