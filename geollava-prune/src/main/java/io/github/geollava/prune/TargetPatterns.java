package io.github.geollava.prune;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which {@code Linear} weights a pruner touches: a module path is a target when it fully matches
 * ({@link java.util.regex.Matcher#matches()}, like PEFT's regex {@code target_modules}) at least one
 * include pattern and no exclude pattern.
 *
 * <p>Defaults ({@link #languageModel()}): the decoder layers of the language model ({@code ...layers.N...})
 * and nothing of the embeddings, {@code lm_head}, the vision tower or the projector, as the GeoLLaVA
 * paper keeps "embeddings and critical vision model components" dense. {@link #allLinear()} targets
 * every {@code Linear}, as the original GeoLLaVA code did.
 *
 * @param include regexes, at least one
 * @param exclude regexes, possibly none
 */
public record TargetPatterns(List<String> include, List<String> exclude) {

  /** The default include: any module inside a numbered decoder layer. */
  public static final String DEFAULT_INCLUDE = "(.*\\.)?layers\\.\\d+\\..+";

  /** The default exclude: embeddings, the LM head, the vision tower and the projector. */
  public static final String DEFAULT_EXCLUDE =
      ".*(embed_tokens|embeddings|lm_head|vision_tower|vision_model|multi_modal_projector).*";

  /** Validates the patterns. */
  public TargetPatterns {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    if (include.isEmpty()) {
      throw new IllegalArgumentException("include must hold at least one pattern");
    }
    for (String p : include) {
      compile("include", p);
    }
    for (String p : exclude) {
      compile("exclude", p);
    }
  }

  /** The default targets: the language model's decoder layers. */
  public static TargetPatterns languageModel() {
    return new TargetPatterns(List.of(DEFAULT_INCLUDE), List.of(DEFAULT_EXCLUDE));
  }

  /** Every {@code Linear} weight, nothing excluded. */
  public static TargetPatterns allLinear() {
    return new TargetPatterns(List.of(".*"), List.of());
  }

  /**
   * Whether a module path is targeted.
   *
   * @param modulePath the dotted path
   * @return true when an include pattern matches and no exclude pattern does
   */
  public boolean matches(String modulePath) {
    boolean in = include.stream().anyMatch(p -> Pattern.compile(p).matcher(modulePath).matches());
    return in && exclude.stream().noneMatch(p -> Pattern.compile(p).matcher(modulePath).matches());
  }

  /** The include patterns joined for provenance. */
  public String includeText() {
    return String.join(" | ", include);
  }

  /** The exclude patterns joined for provenance. */
  public String excludeText() {
    return String.join(" | ", exclude);
  }

  private static void compile(String field, String p) {
    if (p == null || p.isEmpty()) {
      throw new IllegalArgumentException(field + " pattern must not be empty");
    }
    try {
      Pattern.compile(p);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(field + " pattern '" + p + "' is not a valid regex: "
          + e.getDescription(), e);
    }
  }
}
