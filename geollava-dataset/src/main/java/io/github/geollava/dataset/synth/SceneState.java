package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.LocationPlan.Crop;
import java.util.Arrays;

/**
 * The state of a location at one acquisition: which planned items exist, and the levels of the
 * continuous quantities. Never changed once an acquisition holds it: {@link SceneEvolver} mutates
 * only the fresh draft that {@link #copy()} returns.
 */
final class SceneState {
  /** Building status values. */
  static final byte PLANNED = 0;

  static final byte STANDING = 1;
  static final byte DEMOLISHED = 2;

  static final int MAX_VEGETATION = 5;
  static final int MIN_WATER = -2;
  static final int MAX_WATER = 2;
  static final int MAX_MINE = 4;
  static final int MAX_PARKING = 3;

  /** How the land looks in this season. */
  enum Look {
    GREEN,
    DRY,
    SNOW
  }

  Look look;
  int vegetation;
  int water;
  int mine;
  int parking;
  final byte[] buildings;
  final boolean[] roads;
  final boolean[] solar;
  final Crop[] crops;

  SceneState(Look look, int vegetation, int water, int mine, int parking, byte[] buildings,
      boolean[] roads, boolean[] solar, Crop[] crops) {
    this.look = look;
    this.vegetation = vegetation;
    this.water = water;
    this.mine = mine;
    this.parking = parking;
    this.buildings = buildings;
    this.roads = roads;
    this.solar = solar;
    this.crops = crops;
  }

  /** The state in which only the plan's initial items exist. */
  static SceneState initial(LocationPlan plan, Look look, int vegetation, int water, int parking) {
    byte[] b = new byte[plan.buildings().size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = plan.buildings().get(i).initial() ? STANDING : PLANNED;
    }
    boolean[] r = new boolean[plan.roads().size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = plan.roads().get(i).initial();
    }
    boolean[] s = new boolean[plan.solar().size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = plan.solar().get(i).initial();
    }
    Crop[] c = new Crop[plan.fields().size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = plan.fields().get(i).initialCrop();
    }
    return new SceneState(look, vegetation, water, 0, parking, b, r, s, c);
  }

  SceneState copy() {
    return new SceneState(look, vegetation, water, mine, parking, buildings.clone(), roads.clone(),
        solar.clone(), crops.clone());
  }

  boolean standing(int building) {
    return buildings[building] == STANDING;
  }

  boolean demolished(int building) {
    return buildings[building] == DEMOLISHED;
  }

  int standingCount() {
    int n = 0;
    for (byte b : buildings) {
      n += b == STANDING ? 1 : 0;
    }
    return n;
  }

  @Override
  public String toString() {
    return "SceneState[look=" + look + ", vegetation=" + vegetation + ", water=" + water + ", mine="
        + mine + ", parking=" + parking + ", buildings=" + Arrays.toString(buildings) + ", roads="
        + Arrays.toString(roads) + ", solar=" + Arrays.toString(solar) + ", crops="
        + Arrays.toString(crops) + "]";
  }
}
