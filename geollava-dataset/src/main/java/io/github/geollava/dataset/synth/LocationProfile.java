package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.synth.SceneState.Look;
import java.util.List;

/**
 * The fixed facts of one location: category, place on Earth, climate, seeds for its textures.
 *
 * @param index the global location index (0-based)
 * @param category the fMoW category
 * @param number the location number within its category (the {@code <loc>} of the folder name)
 * @param country where it lies, with its climate
 * @param lat latitude in degrees
 * @param lon longitude in degrees
 * @param baseGsd ground sample distance in metres per pixel at zoom 1
 * @param textureSeed seed of the location's noise fields
 */
record LocationProfile(
    int index,
    SynthCategory category,
    int number,
    Country country,
    double lat,
    double lon,
    double baseGsd,
    long textureSeed) {

  /** Climates decide the seasonal look and the palette of bare land. */
  enum Climate {
    TEMPERATE,
    COLD,
    ARID,
    TROPICAL
  }

  /** Countries to place locations in (ISO 3166-1 alpha-3 as in fMoW), with a latitude box. */
  enum Country {
    USA(Climate.TEMPERATE, 33, 44, -120, -76),
    CAN(Climate.COLD, 45, 53, -114, -72),
    RUS(Climate.COLD, 52, 60, 30, 85),
    DEU(Climate.TEMPERATE, 48, 54, 7, 14),
    FRA(Climate.TEMPERATE, 44, 50, -1, 6),
    CHN(Climate.TEMPERATE, 28, 40, 104, 120),
    EGY(Climate.ARID, 24, 31, 26, 33),
    SAU(Climate.ARID, 20, 28, 40, 50),
    MEX(Climate.ARID, 22, 30, -110, -100),
    AUS(Climate.ARID, -34, -24, 116, 148),
    BRA(Climate.TROPICAL, -20, -5, -55, -38),
    IND(Climate.TROPICAL, 12, 24, 74, 86),
    IDN(Climate.TROPICAL, -8, -1, 104, 115),
    ZAF(Climate.TEMPERATE, -34, -26, 18, 31);

    final Climate climate;
    final double latMin;
    final double latMax;
    final double lonMin;
    final double lonMax;

    Country(Climate climate, double latMin, double latMax, double lonMin, double lonMax) {
      this.climate = climate;
      this.latMin = latMin;
      this.latMax = latMax;
      this.lonMin = lonMin;
      this.lonMax = lonMax;
    }
  }

  static final List<Country> COUNTRIES = List.of(Country.values());

  /** Folder and file stem, e.g. {@code airport_3}. */
  String locationName() {
    return category.fmowName() + "_" + number;
  }

  /** UTM zone and latitude band, as fMoW writes it (e.g. {@code 17S}). */
  String utm() {
    int zone = (int) Math.floor((lon + 180) / 6) + 1;
    String bands = "CDEFGHJKLMNPQRSTUVWXX";
    int band = (int) Math.floor((lat + 80) / 8);
    return zone + String.valueOf(bands.charAt(Math.max(0, Math.min(bands.length() - 1, band))));
  }

  /** The seasonal look for a calendar month (1-12), by climate and hemisphere. */
  Look lookFor(int month) {
    int m = lat < 0 ? ((month + 5) % 12) + 1 : month;
    return switch (country.climate) {
      case COLD -> m == 12 || m <= 3 ? Look.SNOW : (m >= 10 ? Look.DRY : Look.GREEN);
      case TEMPERATE -> m == 12 || m <= 2 || m == 11 ? Look.DRY : Look.GREEN;
      case ARID -> Look.DRY;
      case TROPICAL -> m >= 6 && m <= 9 ? Look.DRY : Look.GREEN;
    };
  }
}
