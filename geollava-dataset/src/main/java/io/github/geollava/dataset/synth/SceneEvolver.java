package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.LocationPlan.Building;
import io.github.geollava.dataset.synth.LocationPlan.Crop;
import io.github.geollava.dataset.synth.LocationPlan.Use;
import java.util.ArrayList;
import java.util.List;

/**
 * Evolves a location's state from one acquisition to the next: the season follows the calendar, and
 * each change event the category allows happens with its own probability (scaled by the time gap).
 */
final class SceneEvolver {
  private SceneEvolver() {}

  /** An event a category allows, with its chance per year of gap. */
  private record Rule(ChangeEvent event, double perYear) {}

  private static List<Rule> rules(SynthCategory category) {
    List<Rule> r = new ArrayList<>();
    switch (category) {
      case AIRPORT -> {
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.25));
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.2));
        r.add(new Rule(ChangeEvent.MORE_VEHICLES, 0.2));
        r.add(new Rule(ChangeEvent.FEWER_VEHICLES, 0.2));
        vegetation(r, 0.1);
      }
      case CONSTRUCTION_SITE -> {
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.5));
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.3));
        r.add(new Rule(ChangeEvent.VEGETATION_LOSS, 0.15));
        r.add(new Rule(ChangeEvent.VEGETATION_GROWTH, 0.08));
      }
      case CROP_FIELD -> {
        r.add(new Rule(ChangeEvent.CROP_ROTATION, 0.6));
        vegetation(r, 0.12);
      }
      case LAKE_OR_POND -> {
        water(r, 0.3);
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.15));
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.3));
        vegetation(r, 0.15);
      }
      case ROAD_BRIDGE -> {
        water(r, 0.25);
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.25));
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.25));
        vegetation(r, 0.12);
      }
      case SINGLE_UNIT_RESIDENTIAL -> {
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.4));
        r.add(new Rule(ChangeEvent.DEMOLITION, 0.12));
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.25));
        vegetation(r, 0.15);
      }
      case MULTI_UNIT_RESIDENTIAL -> {
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.35));
        r.add(new Rule(ChangeEvent.DEMOLITION, 0.12));
        r.add(new Rule(ChangeEvent.MORE_VEHICLES, 0.25));
        r.add(new Rule(ChangeEvent.FEWER_VEHICLES, 0.25));
        vegetation(r, 0.12);
      }
      case SOLAR_FARM -> {
        r.add(new Rule(ChangeEvent.NEW_SOLAR_PANELS, 0.5));
        vegetation(r, 0.12);
      }
      case PARKING_LOT_OR_GARAGE -> {
        r.add(new Rule(ChangeEvent.MORE_VEHICLES, 0.4));
        r.add(new Rule(ChangeEvent.FEWER_VEHICLES, 0.4));
        vegetation(r, 0.12);
      }
      case PARK -> {
        vegetation(r, 0.3);
        water(r, 0.2);
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.2));
      }
      case PORT -> {
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.35));
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.25));
        r.add(new Rule(ChangeEvent.DEMOLITION, 0.1));
      }
      case SURFACE_MINE -> {
        r.add(new Rule(ChangeEvent.MINE_EXPANSION, 0.55));
        r.add(new Rule(ChangeEvent.VEGETATION_LOSS, 0.25));
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.2));
        r.add(new Rule(ChangeEvent.VEGETATION_GROWTH, 0.05));
      }
      case WIND_FARM -> {
        r.add(new Rule(ChangeEvent.CROP_ROTATION, 0.5));
        r.add(new Rule(ChangeEvent.NEW_ROADS, 0.2));
        vegetation(r, 0.12);
      }
      case GOLF_COURSE -> {
        vegetation(r, 0.2);
        water(r, 0.2);
        r.add(new Rule(ChangeEvent.NEW_BUILDINGS, 0.2));
      }
    }
    return r;
  }

  private static void vegetation(List<Rule> r, double p) {
    r.add(new Rule(ChangeEvent.VEGETATION_GROWTH, p));
    r.add(new Rule(ChangeEvent.VEGETATION_LOSS, p));
  }

  private static void water(List<Rule> r, double p) {
    r.add(new Rule(ChangeEvent.WATER_RISE, p));
    r.add(new Rule(ChangeEvent.WATER_DROP, p));
  }

  /**
   * The next state after a gap, in the given season.
   *
   * @param years the time gap in years (probabilities scale with it, capped at 0.9)
   */
  static SceneState next(SynthCategory category, LocationPlan plan, SceneState prev,
      SceneState.Look look, double years, SplitMix rng) {
    SceneState s = prev.copy();
    s.look = look;
    List<ChangeEvent> done = new ArrayList<>();
    for (Rule rule : rules(category)) {
      double p = Math.min(0.9, rule.perYear() * Math.max(0.5, years));
      if (done.size() >= 3 || !rng.chance(p) || done.contains(opposite(rule.event()))) {
        continue;
      }
      if (apply(rule.event(), plan, s, rng)) {
        done.add(rule.event());
      }
    }
    return s;
  }

  private static ChangeEvent opposite(ChangeEvent e) {
    return switch (e) {
      case VEGETATION_GROWTH -> ChangeEvent.VEGETATION_LOSS;
      case VEGETATION_LOSS -> ChangeEvent.VEGETATION_GROWTH;
      case WATER_RISE -> ChangeEvent.WATER_DROP;
      case WATER_DROP -> ChangeEvent.WATER_RISE;
      case MORE_VEHICLES -> ChangeEvent.FEWER_VEHICLES;
      case FEWER_VEHICLES -> ChangeEvent.MORE_VEHICLES;
      case NEW_BUILDINGS -> ChangeEvent.DEMOLITION;
      case DEMOLITION -> ChangeEvent.NEW_BUILDINGS;
      default -> e;
    };
  }

  private static boolean apply(ChangeEvent e, LocationPlan plan, SceneState s, SplitMix rng) {
    switch (e) {
      case NEW_BUILDINGS -> {
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < plan.buildings().size(); i++) {
          Building b = plan.buildings().get(i);
          if (s.buildings[i] == SceneState.PLANNED
              && (b.requiresRoad() < 0 || s.roads[b.requiresRoad()])) {
            ready.add(i);
          }
        }
        int n = Math.min(ready.size(), rng.range(1, 3));
        for (int k = 0; k < n; k++) {
          int pick = ready.remove(rng.nextInt(ready.size()));
          s.buildings[pick] = SceneState.STANDING;
        }
        return n > 0;
      }
      case DEMOLITION -> {
        List<Integer> standing = new ArrayList<>();
        for (int i = 0; i < plan.buildings().size(); i++) {
          Use use = plan.buildings().get(i).use();
          if (s.standing(i) && use != Use.TERMINAL && use != Use.PAVILION) {
            standing.add(i);
          }
        }
        if (standing.size() < 4) {
          return false;
        }
        int n = rng.range(1, 2);
        for (int k = 0; k < n; k++) {
          s.buildings[standing.remove(rng.nextInt(standing.size()))] = SceneState.DEMOLISHED;
        }
        return true;
      }
      case NEW_ROADS -> {
        List<Integer> planned = new ArrayList<>();
        for (int i = 0; i < s.roads.length; i++) {
          if (!s.roads[i]) {
            planned.add(i);
          }
        }
        if (planned.isEmpty()) {
          return false;
        }
        s.roads[rng.pick(planned)] = true;
        return true;
      }
      case VEGETATION_GROWTH -> {
        if (s.vegetation >= SceneState.MAX_VEGETATION) {
          return false;
        }
        s.vegetation = Math.min(SceneState.MAX_VEGETATION, s.vegetation + rng.range(1, 2));
        return true;
      }
      case VEGETATION_LOSS -> {
        if (s.vegetation <= 0) {
          return false;
        }
        s.vegetation = Math.max(0, s.vegetation - rng.range(1, 2));
        return true;
      }
      case WATER_RISE, WATER_DROP -> {
        if (plan.waters().isEmpty()) {
          return false;
        }
        int to = s.water + (e == ChangeEvent.WATER_RISE ? 1 : -1);
        if (to < SceneState.MIN_WATER || to > SceneState.MAX_WATER) {
          return false;
        }
        s.water = to;
        return true;
      }
      case CROP_ROTATION -> {
        if (s.crops.length == 0) {
          return false;
        }
        int n = rng.range(1, Math.max(1, s.crops.length - 1));
        Crop[] all = Crop.values();
        for (int k = 0; k < n; k++) {
          int f = rng.nextInt(s.crops.length);
          Crop next = all[(s.crops[f].ordinal() + rng.range(1, all.length - 1)) % all.length];
          s.crops[f] = next;
        }
        return true;
      }
      case MORE_VEHICLES, FEWER_VEHICLES -> {
        if (plan.lots().isEmpty()) {
          return false;
        }
        int to = s.parking + (e == ChangeEvent.MORE_VEHICLES ? rng.range(1, 2) : -rng.range(1, 2));
        to = Math.max(0, Math.min(SceneState.MAX_PARKING, to));
        if (to == s.parking) {
          return false;
        }
        s.parking = to;
        return true;
      }
      case NEW_SOLAR_PANELS -> {
        List<Integer> planned = new ArrayList<>();
        for (int i = 0; i < s.solar.length; i++) {
          if (!s.solar[i]) {
            planned.add(i);
          }
        }
        if (planned.isEmpty()) {
          return false;
        }
        int n = Math.min(planned.size(), rng.range(1, 2));
        for (int k = 0; k < n; k++) {
          s.solar[planned.remove(rng.nextInt(planned.size()))] = true;
        }
        return true;
      }
      case MINE_EXPANSION -> {
        if (plan.pits().isEmpty() || s.mine >= SceneState.MAX_MINE) {
          return false;
        }
        s.mine++;
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
