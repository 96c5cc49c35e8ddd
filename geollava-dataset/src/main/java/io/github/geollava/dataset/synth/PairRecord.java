package io.github.geollava.dataset.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.geollava.dataset.pairs.TemporalPair;
import io.github.geollava.dataset.synth.SimulatedLocation.Acquisition;
import java.util.List;

/**
 * One temporal pair with its ground truth: the two acquisitions, their true change events and the
 * caption derived from them.
 *
 * @param pair the pair as the pair builder made it
 * @param split the fMoW split folder
 * @param location the simulated location
 * @param first the earlier acquisition
 * @param second the later acquisition
 * @param events the true change events
 * @param caption the GeoLLaVA-style caption
 */
record PairRecord(TemporalPair pair, String split, SimulatedLocation location, Acquisition first,
    Acquisition second, List<ChangeEvent> events, String caption) {

  static PairRecord of(TemporalPair pair, SimulatedLocation loc, int[] cloud, long seed,
      String split) {
    Acquisition a = find(loc, pair.first().stem());
    Acquisition b = find(loc, pair.second().stem());
    List<ChangeEvent> events = SceneDiff.events(loc.plan(), a.state(), b.state());
    String caption = CaptionWriter.pairCaption(loc.profile(), loc.plan(),
        new CaptionWriter.Side(a.state(), a.nuisance(), cloud[a.order()]),
        new CaptionWriter.Side(b.state(), b.nuisance(), cloud[b.order()]), events,
        SplitMix.of(seed, loc.profile().index(), 8, a.order(), b.order()));
    return new PairRecord(pair, split, loc, a, b, events, caption);
  }

  private static Acquisition find(SimulatedLocation loc, String stem) {
    for (Acquisition a : loc.acquisitions()) {
      if (LocationWriter.stem(loc, a).equals(stem)) {
        return a;
      }
    }
    throw new IllegalStateException("image " + stem + " is not an acquisition of "
        + loc.profile().locationName());
  }

  String relativeImage(Acquisition a) {
    return split + "/" + LocationWriter.relativeDir(location) + "/"
        + LocationWriter.stem(location, a) + "_rgb.jpg";
  }

  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", pair.id());
    o.put("video", pair.videoName());
    o.put("split", split.equals(SyntheticFmow.TRAIN_SPLIT) ? "train" : "test");
    o.put("category", location.profile().category().fmowName());
    o.put("location", location.profile().locationName());
    o.put("first", relativeImage(first));
    o.put("second", relativeImage(second));
    o.put("first_timestamp", pair.first().metadata().timestamp());
    o.put("second_timestamp", pair.second().metadata().timestamp());
    ArrayNode ev = o.putArray("events");
    for (ChangeEvent e : events) {
      ev.add(e.jsonName());
    }
    o.put("caption", caption);
    return o;
  }
}
