package io.github.geollava.dataset.synth;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps caption text to the change events it names, for change-event accuracy: a generated caption is
 * right when {@code detect(caption)} equals the pair's true events. Phrase rules cover every phrasing
 * of the synthetic caption grammar (checked on every generated caption) and common variants a model
 * may produce ("new houses", "fewer cars", "flooding", "snow").
 *
 * <p>Only the text after {@code Changes Between the Images:} is read when that header is present,
 * because the per-image descriptions mention roads, trees and snow without claiming change; without
 * the header the whole text is read. Negated statements ("no new buildings") are not recognised as
 * negations: the synthetic grammar never negates an event cue, and a caption that writes "no new
 * buildings" is counted as naming the event. Thread-safe and stateless.
 *
 * <pre>{@code
 * Set<ChangeEvent> named = ChangeEventDetector.detect(generatedCaption);
 * boolean exact = named.equals(Set.copyOf(trueEvents));
 * }</pre>
 */
public final class ChangeEventDetector {
  private ChangeEventDetector() {}

  private static final String BUILDING_NOUNS =
      "(apartment blocks?|(?:\\w+ )?(?:buildings?|houses?|homes?|structures?|warehouses?|hangars?"
          + "|cabins?|pavilions?))";

  private static final Map<ChangeEvent, Pattern> RULES = new EnumMap<>(ChangeEvent.class);

  static {
    rule(ChangeEvent.NEW_BUILDINGS, "\\b(new|additional) " + BUILDING_NOUNS + "\\b",
        "\\b" + BUILDING_NOUNS + " (have|has) been (built|constructed|erected)");
    rule(ChangeEvent.DEMOLITION, "demolish", "demolition", "torn down", "razed",
        "cleared lots?\\b");
    rule(ChangeEvent.NEW_ROADS,
        "\\bnew (paved )?(road|street|highway|taxiway|dirt track|track|footpath|access road)s?\\b",
        "road network has been extended", "absent before now runs");
    rule(ChangeEvent.VEGETATION_GROWTH, "tree cover has increased", "more trees",
        "grown denser", "denser (woodland|vegetation|forest)", "regrown", "regrowth",
        "vegetation has (grown|expanded|increased)");
    rule(ChangeEvent.VEGETATION_LOSS, "tree cover has decreased", "fewer trees", "cut down",
        "deforest", "vegetation has been lost", "loss of (trees|vegetation|tree cover)",
        "wooded (areas|patches) (were |have been )?cleared");
    rule(ChangeEvent.SEASONAL_CHANGE, "season", "snow");
    rule(ChangeEvent.WATER_RISE, "water level has risen", "water level (is|has become) higher",
        "higher water", "flood", "water has expanded", "shoreline has moved outward");
    rule(ChangeEvent.WATER_DROP, "water level has (dropped|fallen|decreased)",
        "water level (is|has become) lower", "lower water", "receded", "receding",
        "exposing more of the shore");
    rule(ChangeEvent.CROP_ROTATION, "crop rotation", "different crops?\\b", "replanted",
        "harvested");
    rule(ChangeEvent.MORE_VEHICLES, "more (cars|vehicles)", "fuller",
        "occupancy has increased");
    rule(ChangeEvent.FEWER_VEHICLES, "fewer (cars|vehicles)", "emptier",
        "occupancy has decreased");
    rule(ChangeEvent.NEW_SOLAR_PANELS, "solar panels (have|has) been installed",
        "new blocks? of solar panels", "additional panel rows", "more solar panels",
        "solar (farm|array) has expanded", "new (solar )?panels");
    rule(ChangeEvent.MINE_EXPANSION, "(pit|excavation|mine) has (expanded|grown|widened)",
        "widened the excavation", "pit is larger", "new terraces", "mine expansion");
  }

  private static void rule(ChangeEvent e, String... alternatives) {
    RULES.put(e, Pattern.compile(String.join("|", alternatives)));
  }

  /**
   * The events a caption names.
   *
   * @param caption caption text (any case); null or blank names nothing
   * @return the named events, in enum order
   */
  public static Set<ChangeEvent> detect(String caption) {
    EnumSet<ChangeEvent> out = EnumSet.noneOf(ChangeEvent.class);
    if (caption == null || caption.isBlank()) {
      return out;
    }
    String text = changesSection(caption).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    for (Map.Entry<ChangeEvent, Pattern> e : RULES.entrySet()) {
      if (e.getValue().matcher(text).find()) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * Whether a caption names exactly the true events, no more and no fewer.
   *
   * @param caption the caption
   * @param truth the events that really happened
   * @return true on an exact match
   */
  public static boolean exactMatch(String caption, List<ChangeEvent> truth) {
    return detect(caption).equals(truth.isEmpty() ? EnumSet.noneOf(ChangeEvent.class)
        : EnumSet.copyOf(truth));
  }

  /**
   * The part of a caption after {@code Changes Between the Images:} (case-insensitive), or the whole
   * text when there is no such header.
   *
   * @param caption the caption
   * @return the change section
   */
  public static String changesSection(String caption) {
    int at = caption.toLowerCase(Locale.ROOT).indexOf("changes between the images:");
    return at < 0 ? caption : caption.substring(at + "changes between the images:".length());
  }
}
