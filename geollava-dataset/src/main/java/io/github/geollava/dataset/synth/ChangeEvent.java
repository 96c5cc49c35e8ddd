package io.github.geollava.dataset.synth;

/**
 * A real change between two acquisitions of a synthetic location, as known from the scene states.
 * Nuisance differences (lighting, haze, thin cloud, misregistration, sensor noise, gsd) are never
 * change events.
 */
public enum ChangeEvent {
  /** Buildings present in the second image that were not in the first. */
  NEW_BUILDINGS,
  /** Buildings of the first image that are gone in the second. */
  DEMOLITION,
  /** Road segments present in the second image that were not in the first. */
  NEW_ROADS,
  /** More tree cover in the second image. */
  VEGETATION_GROWTH,
  /** Less tree cover in the second image (clearing, deforestation). */
  VEGETATION_LOSS,
  /** A different seasonal look: green, dry brown, or snow. */
  SEASONAL_CHANGE,
  /** Higher water level or flooding. */
  WATER_RISE,
  /** Lower water level, receding shoreline. */
  WATER_DROP,
  /** At least one field carries a different crop or tillage state. */
  CROP_ROTATION,
  /** More parked vehicles. */
  MORE_VEHICLES,
  /** Fewer parked vehicles. */
  FEWER_VEHICLES,
  /** Additional rows of solar panels. */
  NEW_SOLAR_PANELS,
  /** A larger excavation pit. */
  MINE_EXPANSION;

  /**
   * The JSON name of the event, lower case, e.g. {@code new_buildings}.
   *
   * @return the lower-case name
   */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
