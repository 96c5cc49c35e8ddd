package io.github.geollava.metrics.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PorterStemmerTest {

  private final PorterStemmer stemmer = new PorterStemmer();

  /**
   * Every word of the golden list (made by {@code golden/make_golden.py} with NLTK's
   * PorterStemmer) stems as NLTK stems it.
   */
  @Test
  void matchesNltkOnGoldenWordList() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int n = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/golden/porter_nltk.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        n++;
        String got = stemmer.stem(f[0]);
        if (!got.equals(f[1])) {
          mismatches.add(f[0] + " -> " + got + " (nltk " + f[1] + ")");
        }
      }
    }
    assertThat(n).isGreaterThan(5000);
    assertThat(mismatches).isEmpty();
  }

  /** The example in NLTK's own stem documentation (PorterStemmer, NLTK_EXTENSIONS mode). */
  @Test
  void nltkDocumentationExample() {
    String[] plurals = {
      "caresses", "flies", "dies", "mules", "denied", "died", "agreed", "owned", "humbled", "sized",
      "meeting", "stating", "siezing", "itemization", "sensational", "traditional", "reference",
      "colonizer", "plotted"
    };
    StringBuilder sb = new StringBuilder();
    for (String w : plurals) {
      sb.append(sb.length() == 0 ? "" : " ").append(stemmer.stem(w));
    }
    assertThat(sb.toString())
        .isEqualTo(
            "caress fli die mule deni die agre own humbl size meet state siez item sensat tradit"
                + " refer colon plot");
  }

  /** Classic Porter results that NLTK's rules reproduce, and NLTK-specific departures. */
  @ParameterizedTest
  @CsvSource({
    "connected,connect",
    "connecting,connect",
    "connection,connect",
    "connections,connect",
    "generalizations,gener",
    "oscillators,oscil",
    "ponies,poni",
    "ties,tie",
    "cats,cat",
    "feed,feed",
    "plastered,plaster",
    "motoring,motor",
    "sing,sing",
    "conflated,conflat",
    "troubled,troubl",
    "hopping,hop",
    "tanned,tan",
    "falling,fall",
    "hissing,hiss",
    "fizzed,fizz",
    "failing,fail",
    "filing,file",
    "happy,happi",
    "relational,relat",
    "conditional,condit",
    "rational,ration",
    "running,run",
    "generously,gener",
    // NLTK's irregular-forms pool
    "dying,die",
    "lying,lie",
    "skies,sky",
    "news,news",
    "innings,inning",
    "proceed,proceed",
    // NLTK's step 1c: y -> i only after a consonant that is not the first letter
    "enjoy,enjoy",
    "spied,spi",
    // words of two letters or fewer pass through
    "is,is",
    "as,as"
  })
  void stems(String word, String expected) {
    assertThat(stemmer.stem(word)).isEqualTo(expected);
  }

  @Test
  void measureCountsVowelConsonantTransitions() {
    assertThat(PorterStemmer.measure("tr")).isZero();
    assertThat(PorterStemmer.measure("tree")).isZero();
    assertThat(PorterStemmer.measure("trouble")).isEqualTo(1);
    assertThat(PorterStemmer.measure("oats")).isEqualTo(1);
    assertThat(PorterStemmer.measure("troubles")).isEqualTo(2);
    assertThat(PorterStemmer.measure("private")).isEqualTo(2);
  }

  @Test
  void cvcIncludesNltkTwoLetterExtension() {
    assertThat(PorterStemmer.endsCvc("hop")).isTrue();
    assertThat(PorterStemmer.endsCvc("snow")).isFalse();
    assertThat(PorterStemmer.endsCvc("at")).isTrue();
    assertThat(PorterStemmer.endsCvc("ta")).isFalse();
  }
}
