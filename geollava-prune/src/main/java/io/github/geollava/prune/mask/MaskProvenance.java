package io.github.geollava.prune.mask;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a set of masks came from, stored in the safetensors {@code __metadata__} (string values only,
 * as the format requires), so a masks file can be traced to its method, settings and weights.
 *
 * @param method {@code magnitude}, {@code wanda}, {@code magnitude-2:4}, ...
 * @param sparsity the requested sparsity, in [0, 1]
 * @param scope {@code layer}, {@code global} or {@code row} (Wanda and N:M compare within output rows)
 * @param include the include regex patterns, joined by {@code " | "}
 * @param exclude the exclude regex patterns, joined by {@code " | "} (empty when none)
 * @param weightsSha256 SHA-256 over the targeted weights before pruning: for each tensor in order, its
 *     module path in UTF-8 then its float32 values little-endian
 * @param libraryVersion the geollava-prune version that wrote the masks
 */
public record MaskProvenance(
    String method,
    double sparsity,
    String scope,
    String include,
    String exclude,
    String weightsSha256,
    String libraryVersion) {

  /** The {@code __metadata__} value of key {@code format}. */
  public static final String FORMAT = "geollava-prune-masks";

  /** Validates the fields. */
  public MaskProvenance {
    require("method", method);
    require("scope", scope);
    require("include", include);
    require("weightsSha256", weightsSha256);
    require("libraryVersion", libraryVersion);
    if (exclude == null) {
      throw new IllegalArgumentException("exclude must not be null (use \"\" for none)");
    }
    if (!(sparsity >= 0 && sparsity <= 1)) {
      throw new IllegalArgumentException("sparsity must be in [0, 1], got " + sparsity);
    }
  }

  private static void require(String field, String v) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank, got '" + v + "'");
    }
  }

  /**
   * The version of this library, from the build ({@code version.properties}), or {@code dev} when
   * run from unfiltered sources.
   */
  public static String currentLibraryVersion() {
    try (java.io.InputStream in = MaskProvenance.class.getResourceAsStream(
        "/io/github/geollava/prune/version.properties")) {
      if (in == null) {
        return "dev";
      }
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (java.io.IOException e) {
      return "dev";
    }
  }

  /** The {@code __metadata__} entries. */
  public Map<String, String> toMetadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("method", method);
    m.put("sparsity", Double.toString(sparsity));
    m.put("scope", scope);
    m.put("include", include);
    m.put("exclude", exclude);
    m.put("weights_sha256", weightsSha256);
    m.put("library_version", libraryVersion);
    return m;
  }

  /**
   * Parses {@code __metadata__} entries.
   *
   * @param m the metadata
   * @param source the file, for messages
   * @return the provenance
   * @throws IllegalArgumentException naming the source and key when an entry is missing or bad
   */
  public static MaskProvenance fromMetadata(Map<String, String> m, String source) {
    if (!FORMAT.equals(m.get("format"))) {
      throw new IllegalArgumentException(source + ": __metadata__ format is '" + m.get("format")
          + "', expected '" + FORMAT + "' (not a geollava masks file?)");
    }
    try {
      return new MaskProvenance(m.get("method"), Double.parseDouble(get(m, "sparsity", source)),
          m.get("scope"), m.get("include"), m.getOrDefault("exclude", ""), m.get("weights_sha256"),
          m.get("library_version"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + ": __metadata__ sparsity is not a number: " + m.get("sparsity"), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": bad __metadata__: " + e.getMessage(), e);
    }
  }

  private static String get(Map<String, String> m, String key, String source) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException(source + ": __metadata__ lacks '" + key + "'");
    }
    return v;
  }
}
