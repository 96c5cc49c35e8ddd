package io.github.geollava.metrics.bleu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases generated with NLTK's {@code sentence_bleu}/{@code corpus_bleu} and sacreBLEU's
 * {@code Tokenizer13a} by {@code golden/make_golden.py}; values must agree to the last bit.
 */
class BleuGoldenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> read(String resource) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                BleuGoldenTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @Test
  void matchesNltkBitForBit() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int errors = 0;
    List<JsonNode> cases = read("/golden/bleu_nltk.jsonl");
    for (JsonNode c : cases) {
      List<List<List<String>>> refs =
          JSON.convertValue(c.get("refs"), new TypeReference<List<List<List<String>>>>() {});
      List<List<String>> hyps =
          JSON.convertValue(c.get("hyps"), new TypeReference<List<List<String>>>() {});
      double[] w = JSON.convertValue(c.get("weights"), double[].class);
      Smoothing sm = Smoothing.of(c.get("method").asInt());
      String expected = c.get("value").asText();
      String got;
      try {
        got = String.valueOf(Bleu.corpusBleu(refs, hyps, w, sm, false));
      } catch (IllegalArgumentException e) {
        got = "error";
        errors++;
      }
      if (expected.startsWith("error")) {
        if (!got.equals("error")) {
          mismatches.add(c + " -> " + got);
        }
      } else if (got.equals("error") || Double.parseDouble(got) != Double.parseDouble(expected)) {
        mismatches.add(c + " -> " + got);
      }
    }
    assertThat(cases).hasSizeGreaterThan(400);
    assertThat(errors).isPositive();
    assertThat(mismatches).isEmpty();
  }

  @Test
  void tokenizer13aMatchesSacrebleu() throws IOException {
    Tokenizer13a t = new Tokenizer13a();
    for (JsonNode c : read("/golden/tok13a_sacrebleu.jsonl")) {
      assertThat(t.apply(c.get("input").asText())).isEqualTo(c.get("output").asText());
    }
  }
}
