package io.github.geollava.dataset.synth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One location with its whole history: fixed profile and plan, and its acquisitions in time order.
 *
 * @param profile the fixed facts
 * @param plan everything that can ever appear
 * @param acquisitions in time order
 */
record SimulatedLocation(LocationProfile profile, LocationPlan plan, List<Acquisition> acquisitions) {

  /**
   * One acquisition.
   *
   * @param order index in time order
   * @param number the {@code <n>} of the file name (a permutation, not time order)
   * @param timestamp acquisition time (UTC)
   * @param state the scene state
   * @param nuisance acquisition conditions
   */
  record Acquisition(int order, int number, Instant timestamp, SceneState state, Nuisance nuisance) {}

  private static final LocalDate FIRST_DAY = LocalDate.of(2002, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2017, 12, 31);

  /** Simulates location {@code index} of a dataset with the given seed. */
  static SimulatedLocation simulate(long seed, int index, int perCategoryNumber) {
    SynthCategory category = SynthCategory.values()[index % SynthCategory.values().length];
    SplitMix rng = SplitMix.of(seed, index, 1);
    LocationProfile.Country country = rng.pick(LocationProfile.COUNTRIES);
    double lat = rng.uniform(country.latMin, country.latMax);
    double lon = rng.uniform(country.lonMin, country.lonMax);
    LocationProfile profile = new LocationProfile(index, category, perCategoryNumber, country,
        round(lat, 6), round(lon, 6), round(rng.uniform(0.4, 0.6), 3), SplitMix.of(seed, index, 2)
            .nextLong());
    SceneFactory.Start start = SceneFactory.create(category, SplitMix.of(seed, index, 3));

    // Dates: 2-6 acquisitions spread so that at least one pair is a year or more apart.
    SplitMix dates = SplitMix.of(seed, index, 4);
    int n = dates.range(2, 6);
    List<LocalDate> days = new ArrayList<>();
    long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
    long first;
    long[] gaps = new long[n - 1];
    long total;
    do {
      total = 0;
      for (int k = 0; k < n - 1; k++) {
        gaps[k] = dates.range(60, 1100);
        total += gaps[k];
      }
    } while (total < 400 || total > span);
    first = FIRST_DAY.toEpochDay() + (long) (dates.nextDouble() * (span - total));
    long day = first;
    days.add(LocalDate.ofEpochDay(day));
    for (long g : gaps) {
      day += g;
      days.add(LocalDate.ofEpochDay(day));
    }

    int[] numbers = permutation(n, SplitMix.of(seed, index, 5));
    SplitMix evolve = SplitMix.of(seed, index, 6);
    List<Acquisition> acquisitions = new ArrayList<>();
    SceneState state = SceneState.initial(start.plan(), profile.lookFor(days.get(0).getMonthValue()),
        start.vegetation(), start.water(), start.parking());
    for (int k = 0; k < n; k++) {
      LocalDate d = days.get(k);
      if (k > 0) {
        double years = (d.toEpochDay() - days.get(k - 1).toEpochDay()) / 365.25;
        state = SceneEvolver.next(category, start.plan(), state, profile.lookFor(d.getMonthValue()),
            years, evolve);
      }
      SplitMix nr = SplitMix.of(seed, index, 7, k);
      int seconds = nr.range(9 * 3600, 12 * 3600);
      Instant ts = d.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(seconds);
      acquisitions.add(new Acquisition(k, numbers[k], ts, state,
          Nuisance.sample(nr, d.getMonthValue(), profile.lat())));
    }
    return new SimulatedLocation(profile, start.plan(), List.copyOf(acquisitions));
  }

  private static int[] permutation(int n, SplitMix rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static double round(double v, int digits) {
    double f = StrictMath.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
