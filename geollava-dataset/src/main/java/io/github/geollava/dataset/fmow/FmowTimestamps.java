package io.github.geollava.dataset.fmow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * fMoW timestamps: ISO-8601 in UTC such as {@code 2015-06-16T10:48:37Z}, fractional seconds allowed
 * ({@code 2015-06-16T10:48:37.250Z}). An explicit offset ({@code +02:00}) is converted to UTC; a
 * timestamp without any zone is read as UTC, which is what fMoW means by it.
 */
public final class FmowTimestamps {

  private FmowTimestamps() {}

  /**
   * Parses an fMoW timestamp.
   *
   * @param text the timestamp text
   * @return the instant
   * @throws IllegalArgumentException naming the text when it is not ISO-8601
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("timestamp: missing or blank");
    }
    String t = text.strip();
    Instant fast = parseCanonical(t);
    if (fast != null) {
      return fast;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      // fall through to the more lenient forms below
    }
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "timestamp: expected ISO-8601 UTC such as 2015-06-16T10:48:37Z, found '" + text + "'", e);
    }
  }

  /**
   * The common fMoW shape {@code yyyy-MM-ddTHH:mm:ss[.fffffffff]Z}, parsed without a formatter: the
   * scanner reads one timestamp per file, and {@link DateTimeFormatter} dominated its profile.
   *
   * @return the instant, or null when the text has another shape (the caller falls back)
   * @throws IllegalArgumentException when the shape matches but a field is out of range
   */
  private static Instant parseCanonical(String t) {
    int n = t.length();
    if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
        || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 7);
    int day = digits(t, 8, 10);
    int hour = digits(t, 11, 13);
    int minute = digits(t, 14, 16);
    int second = digits(t, 17, 19);
    int nanos = 0;
    if (n > 20) {
      int fracLen = n - 21;
      if (t.charAt(19) != '.' || fracLen < 1 || fracLen > 9) {
        return null;
      }
      nanos = digits(t, 20, n - 1);
      for (int i = fracLen; i < 9; i++) {
        nanos *= 10;
      }
    } else if (n != 20) {
      return null;
    }
    if ((year | month | day | hour | minute | second | nanos) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "timestamp: expected ISO-8601 UTC such as 2015-06-16T10:48:37Z, found '" + t + "' ("
              + e.getMessage() + ")", e);
    }
  }

  /** Decimal value of {@code t[from, to)}, or -1 when a character is not a digit. */
  private static int digits(String t, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Formats an instant the way fMoW writes it ({@link Instant#toString()}: seconds always present,
   * fractional digits only when non-zero).
   *
   * @param instant the instant
   * @return ISO-8601 UTC text
   */
  public static String format(Instant instant) {
    return instant.toString();
  }
}
