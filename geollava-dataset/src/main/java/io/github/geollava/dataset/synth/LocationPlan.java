package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.Geo.Rect;
import java.util.List;

/**
 * Everything a location can ever contain, fixed at creation: the scene state of an acquisition only
 * says which planned items exist at that time (and the levels of water, vegetation, mine and parking).
 * Keeping geometry static means an item looks the same in every image it appears in, so a pixel
 * difference is always either a state change or a nuisance.
 */
record LocationPlan(
    List<Building> buildings,
    List<Road> roads,
    List<Patch> patches,
    List<Field> fields,
    List<Lot> lots,
    List<SolarArray> solar,
    List<Water> waters,
    List<Pit> pits,
    List<Turbine> turbines,
    List<Craft> crafts,
    Rect focus) {

  LocationPlan {
    buildings = List.copyOf(buildings);
    roads = List.copyOf(roads);
    patches = List.copyOf(patches);
    fields = List.copyOf(fields);
    lots = List.copyOf(lots);
    solar = List.copyOf(solar);
    waters = List.copyOf(waters);
    pits = List.copyOf(pits);
    turbines = List.copyOf(turbines);
    crafts = List.copyOf(crafts);
  }

  /** Roof shapes. Gable roofs show two slopes lit differently by the sun. */
  enum Roof {
    FLAT,
    GABLE_H,
    GABLE_V
  }

  /** What a building is, for captions. */
  enum Use {
    HOUSE("house", "houses"),
    APARTMENT("apartment block", "apartment blocks"),
    WAREHOUSE("warehouse", "warehouses"),
    TERMINAL("terminal building", "terminal buildings"),
    HANGAR("hangar", "hangars"),
    BARN("farm building", "farm buildings"),
    CABIN("cabin", "cabins"),
    OFFICE("office building", "office buildings"),
    PAVILION("pavilion", "pavilions");

    final String one;
    final String many;

    Use(String one, String many) {
      this.one = one;
      this.many = many;
    }
  }

  /**
   * A building. requiresRoad is the index of the road that must exist before it is built, or -1.
   */
  record Building(
      Rect r, double height, Roof roof, int rgb, Use use, boolean initial, int requiresRoad) {}

  /** Road kinds, drawn differently. */
  enum RoadKind {
    STREET,
    HIGHWAY,
    DIRT,
    PATH,
    TAXIWAY
  }

  /** A straight road segment. */
  record Road(double x0, double y0, double x1, double y1, double width, RoadKind kind,
      boolean initial) {}

  /** Flat surface kinds. */
  enum PatchKind {
    RUNWAY,
    APRON,
    SLAB,
    BARE_SOIL,
    FAIRWAY,
    PUTTING_GREEN,
    BUNKER,
    SPORTS_FIELD,
    CONTAINERS,
    PIER,
    PLAZA
  }

  /** A flat surface; ellipse when round is set. */
  record Patch(Rect r, PatchKind kind, boolean round) {}

  /** Crops; a field shows one per acquisition. */
  enum Crop {
    GREEN_CROP,
    RIPE_GRAIN,
    PLOUGHED,
    FALLOW
  }

  /** A cultivated field with row direction. */
  record Field(Rect r, boolean rowsVertical, Crop initialCrop) {}

  /** A parking lot with stalls in rows. */
  record Lot(Rect r, boolean rowsVertical) {}

  /** A block of solar panel rows. */
  record SolarArray(Rect r, boolean initial) {}

  /** Water body kinds. */
  enum WaterKind {
    LAKE,
    RIVER_V,
    RIVER_H,
    SEA_SOUTH
  }

  /**
   * A water body. LAKE is an ellipse (cx, cy, rx, ry); RIVER_V a band around x = cx (half-width rx)
   * meandering with amplitude ry; RIVER_H likewise along y = cy; SEA_SOUTH covers y greater than cy.
   */
  record Water(WaterKind kind, double cx, double cy, double rx, double ry) {}

  /** An open pit with terraces, radius at mine level 0. */
  record Pit(double cx, double cy, double r0) {}

  /** A wind turbine seen from above; rotor across the wind direction. */
  record Turbine(double x, double y, double rotor, boolean rotorVertical) {}

  /** Static vehicles that are part of the scenery. */
  enum CraftKind {
    PLANE,
    SHIP,
    TRUCK
  }

  /** A plane, ship or truck; length along x unless vertical. */
  record Craft(CraftKind kind, double x, double y, double length, boolean vertical, int rgb) {}
}
