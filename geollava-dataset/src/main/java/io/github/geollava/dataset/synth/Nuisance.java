package io.github.geollava.dataset.synth;

/**
 * Acquisition conditions that change the pixels without being change: sun position, atmosphere,
 * misregistration, sensor noise and ground sample distance.
 *
 * @param sunAzimuth degrees clockwise from north (image up)
 * @param sunElevation degrees above the horizon
 * @param haze blend weight towards a bluish grey, 0 to 0.3
 * @param cloud peak opacity of thin cloud, 0 when clear
 * @param shiftX misregistration in whole pixels along x
 * @param shiftY misregistration in whole pixels along y
 * @param noise standard deviation of sensor noise in grey levels
 * @param zoom scale of the scene in the image (1 = base gsd)
 * @param gainR red channel gain
 * @param gainG green channel gain
 * @param gainB blue channel gain
 * @param offNadir off-nadir angle in degrees, metadata only
 * @param seed seed of the cloud pattern and noise
 */
record Nuisance(
    double sunAzimuth,
    double sunElevation,
    double haze,
    double cloud,
    int shiftX,
    int shiftY,
    double noise,
    double zoom,
    double gainR,
    double gainG,
    double gainB,
    double offNadir,
    long seed) {

  /** Draws conditions for one acquisition; month shapes sun elevation. */
  static Nuisance sample(SplitMix rng, int month, double lat) {
    int m = lat < 0 ? ((month + 5) % 12) + 1 : month;
    double summer = 1 - Math.abs(m - 6.5) / 5.5;
    double elevation = 25 + 40 * summer + rng.uniform(-5, 5);
    double azimuth = lat < 0 ? rng.uniform(-60, 60) : rng.uniform(120, 240);
    double haze = rng.chance(0.5) ? rng.uniform(0.0, 0.08) : rng.uniform(0.08, 0.28);
    double cloud = rng.chance(0.7) ? 0 : rng.uniform(0.15, 0.45);
    int sx;
    int sy;
    do {
      sx = rng.range(-3, 3);
      sy = rng.range(-3, 3);
    } while (sx == 0 && sy == 0);
    return new Nuisance(azimuth, elevation, haze, cloud, sx, sy, rng.uniform(1.5, 4.5),
        rng.uniform(0.965, 1.035), rng.uniform(0.95, 1.05), rng.uniform(0.95, 1.05),
        rng.uniform(0.95, 1.05), rng.uniform(2, 30), rng.nextLong());
  }
}
