package io.github.geollava.examples.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.dataset.synth.ChangeEvent;
import io.github.geollava.dataset.synth.ChangeEventDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Change-event accuracy of generated captions (DESIGN.md, section 4): for each pair whose true events
 * are known, whether {@link ChangeEventDetector} finds exactly those events in the caption, no more and
 * no fewer; and, over all those pairs, micro-averaged precision and recall of the detected events.
 * Templated captions reward memorisation on ROUGE and BLEU; a model that ignores the images cannot
 * score well here.
 *
 * @param pairs pairs with known events
 * @param exactMatches pairs whose caption names exactly the true events
 * @param accuracy {@code exactMatches / pairs} (0 when there are no pairs)
 * @param truePositives events named and true, over all pairs
 * @param falsePositives events named but not true
 * @param falseNegatives events true but not named
 * @param pairsWithoutTruth predictions whose id has no known events (not counted above)
 */
public record EventAccuracy(
    int pairs,
    int exactMatches,
    double accuracy,
    long truePositives,
    long falsePositives,
    long falseNegatives,
    int pairsWithoutTruth) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Micro precision: true positives over all named events; 0 when no event was named (as
   * scikit-learn's {@code zero_division=0}).
   *
   * @return the precision
   */
  public double microPrecision() {
    long named = truePositives + falsePositives;
    return named == 0 ? 0 : (double) truePositives / named;
  }

  /**
   * Micro recall: true positives over all true events; 0 when no event happened.
   *
   * @return the recall
   */
  public double microRecall() {
    long real = truePositives + falseNegatives;
    return real == 0 ? 0 : (double) truePositives / real;
  }

  /**
   * Scores predictions against the true events of their ids.
   *
   * @param predictions the predictions
   * @param truth true events by pair id
   * @return the scores
   */
  public static EventAccuracy of(Collection<Prediction> predictions, Map<String, List<ChangeEvent>> truth) {
    int pairs = 0;
    int exact = 0;
    int missing = 0;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Prediction p : predictions) {
      List<ChangeEvent> t = truth.get(p.id());
      if (t == null) {
        missing++;
        continue;
      }
      pairs++;
      if (ChangeEventDetector.exactMatch(p.candidate(), t)) {
        exact++;
      }
      Set<ChangeEvent> named = ChangeEventDetector.detect(p.candidate());
      Set<ChangeEvent> real = t.isEmpty() ? EnumSet.noneOf(ChangeEvent.class) : EnumSet.copyOf(t);
      for (ChangeEvent e : named) {
        if (real.contains(e)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (ChangeEvent e : real) {
        if (!named.contains(e)) {
          fn++;
        }
      }
    }
    return new EventAccuracy(pairs, exact, pairs == 0 ? 0 : (double) exact / pairs, tp, fp, fn, missing);
  }

  /**
   * Reads the true events of each pair from the synthetic set's {@code pairs_events.jsonl}
   * ({@code "id"} and {@code "events"}, a list of {@link ChangeEvent#jsonName()}s, per line).
   *
   * @param file the file
   * @return events by pair id, in file order
   * @throws IOException naming the file and line of a malformed line or an unknown event name
   */
  public static Map<String, List<ChangeEvent>> readPairsEvents(Path file) throws IOException {
    Map<String, ChangeEvent> byName = new LinkedHashMap<>();
    for (ChangeEvent e : ChangeEvent.values()) {
      byName.put(e.jsonName(), e);
    }
    Map<String, List<ChangeEvent>> out = new LinkedHashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (IOException e) {
          throw new IOException(file + " line " + no + ": not valid JSON", e);
        }
        JsonNode id = n == null ? null : n.get("id");
        JsonNode events = n == null ? null : n.get("events");
        if (id == null || !id.isTextual() || events == null || !events.isArray()) {
          throw new IOException(file + " line " + no
              + ": expected an object with a string \"id\" and an \"events\" array");
        }
        List<ChangeEvent> list = new ArrayList<>();
        for (JsonNode e : events) {
          ChangeEvent ev = byName.get(e.asText());
          if (ev == null) {
            throw new IOException(file + " line " + no + ": unknown event '" + e.asText()
                + "' in \"events\"; expected one of " + byName.keySet());
          }
          list.add(ev);
        }
        out.put(id.asText(), List.copyOf(list));
      }
    }
    return out;
  }
}
