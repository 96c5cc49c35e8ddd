package io.github.geollava.metrics.bleu;

import io.github.geollava.metrics.PythonText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sacreBLEU's default {@code 13a} tokenizer (mteval-v13a.pl): drops {@code <skipped>}, joins
 * {@code -\n} hyphenations, turns newlines into spaces, unescapes {@code &quot; &amp; &lt; &gt;},
 * isolates ASCII punctuation and symbols, splits periods and commas except between digits, splits a
 * dash after a digit, and collapses whitespace.
 */
public final class Tokenizer13a {

  // sacreBLEU's TokenizerRegexp rules, in order.
  private static final Pattern SYMBOLS = Pattern.compile("([{-~\\[-` -&(-+:-@/])");
  private static final Pattern PERIOD_COMMA_AFTER = Pattern.compile("([^0-9])([.,])");
  private static final Pattern PERIOD_COMMA_BEFORE = Pattern.compile("([.,])([^0-9])");
  private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");

  /** Creates the tokenizer. */
  public Tokenizer13a() {}

  /** Tokenizes one line into a space-joined string, as sacreBLEU's {@code Tokenizer13a.__call__}. */
  public String apply(String line) {
    line = line.replace("<skipped>", "");
    line = line.replace("-\n", "");
    line = line.replace("\n", " ");
    if (line.indexOf('&') >= 0) {
      line = line.replace("&quot;", "\"");
      line = line.replace("&amp;", "&");
      line = line.replace("&lt;", "<");
      line = line.replace("&gt;", ">");
    }
    line = " " + line + " ";
    line = SYMBOLS.matcher(line).replaceAll(" $1 ");
    line = PERIOD_COMMA_AFTER.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + m.group(2) + " "));
    line = PERIOD_COMMA_BEFORE.matcher(line).replaceAll(m -> Matcher.quoteReplacement(" " + m.group(1) + " " + m.group(2)));
    line = DASH_AFTER_DIGIT.matcher(line).replaceAll("$1 $2 ");
    return String.join(" ", PythonText.split(line));
  }

  /** Tokenizes one line into tokens. */
  public List<String> tokenize(String line) {
    return PythonText.split(apply(line));
  }
}
