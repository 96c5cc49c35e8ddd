package io.github.geollava.dataset.synth;

import java.util.List;

/**
 * The fMoW categories the synthetic generator can draw, with the folder name fMoW uses for each.
 * Locations cycle through the categories in declaration order, so every category appears once the
 * location count reaches {@link #values()}{@code .length}.
 */
public enum SynthCategory {
  /** Runway, taxiway, apron, terminal and parked aircraft. */
  AIRPORT("airport", "an airport", "airport"),
  /** Graded soil, foundation slabs and buildings under construction. */
  CONSTRUCTION_SITE("construction_site", "a construction site", "construction site"),
  /** A patchwork of cultivated fields. */
  CROP_FIELD("crop_field", "farmland with cultivated fields", "farmland"),
  /** A lake or pond with its shore. */
  LAKE_OR_POND("lake_or_pond", "a lake surrounded by land", "lake"),
  /** A river crossed by a road bridge. */
  ROAD_BRIDGE("road_bridge", "a road bridge over a river", "bridge"),
  /** Detached houses along residential streets. */
  SINGLE_UNIT_RESIDENTIAL(
      "single-unit_residential", "a suburban neighborhood of detached houses", "neighborhood"),
  /** Apartment blocks with parking. */
  MULTI_UNIT_RESIDENTIAL(
      "multi-unit_residential", "a residential complex of apartment blocks", "residential complex"),
  /** Rows of photovoltaic panels. */
  SOLAR_FARM("solar_farm", "a solar farm", "solar farm"),
  /** A large surface parking lot. */
  PARKING_LOT_OR_GARAGE("parking_lot_or_garage", "a large parking lot", "parking lot"),
  /** Lawns, paths, trees and a pond. */
  PARK("park", "a public park", "park"),
  /** Quays, piers, warehouses, container yards and ships. */
  PORT("port", "a port with piers along the waterfront", "port"),
  /** A terraced open-pit mine with haul roads. */
  SURFACE_MINE("surface_mine", "an open-pit surface mine", "mine"),
  /** Wind turbines standing in farmland. */
  WIND_FARM("wind_farm", "a wind farm on open farmland", "wind farm"),
  /** Fairways, greens, sand bunkers and water hazards. */
  GOLF_COURSE("golf_course", "a golf course", "golf course");

  private final String fmowName;
  private final String phrase;
  private final String noun;

  SynthCategory(String fmowName, String phrase, String noun) {
    this.fmowName = fmowName;
    this.phrase = phrase;
    this.noun = noun;
  }

  /**
   * The fMoW folder and category name, e.g. {@code single-unit_residential}.
   *
   * @return the fMoW name
   */
  public String fmowName() {
    return fmowName;
  }

  /** Indefinite noun phrase for captions, e.g. "a solar farm". */
  String phrase() {
    return phrase;
  }

  /** Short noun for captions, e.g. "solar farm". */
  String noun() {
    return noun;
  }

  /**
   * All categories in a fixed order.
   *
   * @return an immutable list of every category
   */
  public static List<SynthCategory> all() {
    return List.of(values());
  }
}
