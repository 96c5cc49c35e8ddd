package io.github.geollava.lora.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PEFT's {@code target_modules} / {@code exclude_modules}: a list of names, a regular expression, or
 * (targets only) {@code "all-linear"}. A name selects a module whose dotted path equals it or ends
 * with {@code "." + name}; a regex must match the whole path.
 */
public sealed interface ModuleSelector {

  /** True when {@code path} is selected (ignoring layer filters). */
  boolean matches(String path);

  /** Names: exact or {@code "." + name} suffix matches, as PEFT. */
  record Names(List<String> names) implements ModuleSelector {
    /** Copies and validates the names. */
    public Names {
      if (names == null) {
        throw new IllegalArgumentException("target_modules: the list must not be null");
      }
      names = List.copyOf(names);
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException("target_modules: blank module name in " + names);
        }
      }
    }

    @Override
    public boolean matches(String path) {
      for (String n : names) {
        if (path.equals(n) || path.endsWith("." + n)) {
          return true;
        }
      }
      return false;
    }
  }

  /** A regular expression that must match the whole module path ({@code re.fullmatch}). */
  record Regex(String regex) implements ModuleSelector {
    /** Validates that the expression compiles. */
    public Regex {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException | NullPointerException e) {
        throw new IllegalArgumentException("target_modules: not a valid regex: '" + regex + "'", e);
      }
    }

    @Override
    public boolean matches(String path) {
      return Pattern.compile(regex).matcher(path).matches();
    }
  }

  /** PEFT's {@code "all-linear"}: every linear layer except the output layer {@code lm_head}. */
  record AllLinear() implements ModuleSelector {
    @Override
    public boolean matches(String path) {
      return !(path.equals("lm_head") || path.endsWith(".lm_head"));
    }
  }

  /** A list of names. */
  static ModuleSelector names(String... names) {
    return new Names(List.of(names));
  }

  /** A full-match regex. */
  static ModuleSelector regex(String regex) {
    return new Regex(regex);
  }

  /** {@code "all-linear"}. */
  static ModuleSelector allLinear() {
    return new AllLinear();
  }
}
