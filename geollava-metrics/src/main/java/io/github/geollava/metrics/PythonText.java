package io.github.geollava.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Python string semantics that the reference implementations rely on, so tokens agree to the
 * character: {@code str.split()} with no argument (runs of Unicode whitespace as CPython defines it)
 * and {@code str.strip()}.
 */
public final class PythonText {

  private PythonText() {}

  /**
   * Whether CPython's {@code str.isspace()} holds for this UTF-16 unit: the ASCII controls TAB, LF, VT,
   * FF, CR, the information separators U+001C..U+001F, space, U+0085, U+00A0, U+1680, U+2000..U+200A,
   * U+2028, U+2029, U+202F, U+205F and U+3000. U+200B (zero-width space) and U+180E are not
   * whitespace for Python 3.
   */
  public static boolean isPythonWhitespace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    if (c < 0x85) {
      return false;
    }
    return c == 0x85
        || c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000;
  }

  /** Python's {@code text.split()}: the non-empty runs between whitespace, in order. */
  public static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isPythonWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isPythonWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  /** Python's {@code text.strip()}: removes leading and trailing Python whitespace. */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isPythonWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isPythonWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }
}
