package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.LocationPlan.Crop;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The change events between two states of one location, read off the states themselves (not the
 * history between them), so a pair that skips acquisitions reports the net change it shows.
 */
final class SceneDiff {
  private SceneDiff() {}

  /** Events from {@code a} to {@code b}, in enum order. */
  static List<ChangeEvent> events(LocationPlan plan, SceneState a, SceneState b) {
    EnumSet<ChangeEvent> e = EnumSet.noneOf(ChangeEvent.class);
    if (!newBuildings(a, b).isEmpty()) {
      e.add(ChangeEvent.NEW_BUILDINGS);
    }
    if (!demolished(a, b).isEmpty()) {
      e.add(ChangeEvent.DEMOLITION);
    }
    if (!newRoads(a, b).isEmpty()) {
      e.add(ChangeEvent.NEW_ROADS);
    }
    if (b.vegetation > a.vegetation) {
      e.add(ChangeEvent.VEGETATION_GROWTH);
    } else if (b.vegetation < a.vegetation) {
      e.add(ChangeEvent.VEGETATION_LOSS);
    }
    if (a.look != b.look) {
      e.add(ChangeEvent.SEASONAL_CHANGE);
    }
    if (!plan.waters().isEmpty() && b.water != a.water) {
      e.add(b.water > a.water ? ChangeEvent.WATER_RISE : ChangeEvent.WATER_DROP);
    }
    // Snow hides the crops, so a rotation only counts when both images show them.
    if (a.look != SceneState.Look.SNOW && b.look != SceneState.Look.SNOW
        && !changedFields(a, b).isEmpty()) {
      e.add(ChangeEvent.CROP_ROTATION);
    }
    if (!plan.lots().isEmpty() && b.parking != a.parking) {
      e.add(b.parking > a.parking ? ChangeEvent.MORE_VEHICLES : ChangeEvent.FEWER_VEHICLES);
    }
    for (int i = 0; i < a.solar.length; i++) {
      if (!a.solar[i] && b.solar[i]) {
        e.add(ChangeEvent.NEW_SOLAR_PANELS);
      }
    }
    if (b.mine > a.mine) {
      e.add(ChangeEvent.MINE_EXPANSION);
    }
    return List.copyOf(e);
  }

  static List<Integer> newBuildings(SceneState a, SceneState b) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < a.buildings.length; i++) {
      if (!a.standing(i) && b.standing(i)) {
        out.add(i);
      }
    }
    return out;
  }

  static List<Integer> demolished(SceneState a, SceneState b) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < a.buildings.length; i++) {
      if (a.standing(i) && !b.standing(i)) {
        out.add(i);
      }
    }
    return out;
  }

  static List<Integer> newRoads(SceneState a, SceneState b) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < a.roads.length; i++) {
      if (!a.roads[i] && b.roads[i]) {
        out.add(i);
      }
    }
    return out;
  }

  static List<Integer> changedFields(SceneState a, SceneState b) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < a.crops.length; i++) {
      Crop x = a.crops[i];
      if (x != b.crops[i]) {
        out.add(i);
      }
    }
    return out;
  }
}
