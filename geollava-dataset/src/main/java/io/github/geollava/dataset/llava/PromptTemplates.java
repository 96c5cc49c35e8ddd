package io.github.geollava.dataset.llava;

import io.github.geollava.dataset.pairs.SeededHash;
import java.util.List;

/** The six instruction templates of the GeoLLaVA paper's appendix, verbatim. */
public final class PromptTemplates {

  /** The templates, in the paper's order. Immutable. */
  public static final List<String> ALL =
      List.of(
          "Provide a detailed description of the satellite video, where each frame corresponds to a"
              + " different time but the same location.",
          "Describe the satellite video thoroughly, noting that each frame shows the same location"
              + " at a different time.",
          "Give a detailed account of the satellite video, with each frame depicting the same"
              + " location at distinct points in time.",
          "Offer an elaborate explanation of the satellite video, where every frame captures the"
              + " same location but at different times.",
          "Elaborate on the changes in the location as seen in the satellite video, where each"
              + " frame is a snapshot of the same place at different times.",
          "Provide a report describing the satellite video, where each frame shows the same"
              + " location at different time points.");

  /** The placeholder LLaVA-NeXT-Video expands into the frame features. */
  public static final String VIDEO_TOKEN = "<video>";

  private PromptTemplates() {}

  /**
   * The template for a record: a seeded random choice per record id, so that each record's choice is
   * independent of the order and number of other records, and identical on every run and JVM.
   *
   * @param seed the seed
   * @param recordId the record id
   * @return one of {@link #ALL}
   */
  public static String pick(long seed, String recordId) {
    return ALL.get(SeededHash.index(seed, recordId, ALL.size()));
  }

  /**
   * The human turn's text: {@code <video>\n} followed by the template.
   *
   * @param template the prompt
   * @return the turn value
   */
  public static String humanTurn(String template) {
    return VIDEO_TOKEN + "\n" + template;
  }
}
