package io.github.geollava.examples.cli;

import io.github.geollava.dataset.synth.ChangeEvent;
import io.github.geollava.dataset.synth.SynthSummary;
import io.github.geollava.dataset.synth.SyntheticFmow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava synth}: writes a synthetic mini-fMoW (procedural satellite-like scenes that change
 * over time) with GeoLLaVA-style captions: the fMoW tree ({@code train/}, {@code val/}),
 * {@code annotations/train.json}, {@code annotations/test.json}, {@code annotations/scenes.json},
 * {@code annotations/pairs_events.jsonl} and {@code contact_sheet.png}. The same seed gives the same
 * files.
 */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a synthetic mini-fMoW with change captions: the fMoW tree, LLaVA annotations",
      "(train/test split by location), single-image scene descriptions and a contact sheet."
    })
public final class SynthCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--locations", defaultValue = "100", paramLabel = "N",
      description = "Number of locations, categories cycling (default: ${DEFAULT-VALUE}).")
  int locations;

  @Option(names = "--size", defaultValue = "224", paramLabel = "PX",
      description = "Image width and height in pixels, 64 to 1024 (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S",
      description = "Seed; the same seed gives byte-identical files (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--test-fraction", defaultValue = "0.2", paramLabel = "F",
      description = "Share of locations held out for test (default: ${DEFAULT-VALUE}).")
  double testFraction;

  @Option(names = "--threads", paramLabel = "N",
      description = "Rendering threads (default: one per processor; output does not depend on it).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    SyntheticFmow.Builder b = SyntheticFmow.builder().outputDir(out).locations(locations)
        .imageSize(size).seed(seed).testFraction(testFraction);
    if (threads != null) {
      b.threads(threads);
    }
    SynthSummary s = b.build().generate();
    PrintWriter w = spec.commandLine().getOut();
    w.printf("synthetic fMoW written to %s in %.1f s%n", s.root(), s.millis() / 1000.0);
    w.printf("  locations: %d (train %d, test %d), images: %d (%.0f images/s)%n", s.locations(),
        s.trainLocations(), s.testLocations(), s.images(),
        s.images() * 1000.0 / Math.max(1, s.millis()));
    w.printf("  pairs: train %d, test %d; scene descriptions: %d; skipped by scanner: %d%n",
        s.trainPairs(), s.testPairs(), s.scenes(), s.skipped());
    StringBuilder ev = new StringBuilder();
    for (Map.Entry<ChangeEvent, Integer> e : s.eventCounts().entrySet()) {
      ev.append(ev.length() == 0 ? "" : ", ").append(e.getKey().jsonName()).append('=')
          .append(e.getValue());
    }
    w.printf("  events: %s%n", ev.length() == 0 ? "none" : ev);
    w.printf("  annotations: %s, %s, %s%n", s.trainAnnotations(), s.testAnnotations(),
        s.scenesAnnotations());
    if (s.contactSheet() != null) {
      w.printf("  contact sheet: %s%n", s.contactSheet());
    }
    w.flush();
    return 0;
  }
}
