package io.github.geollava.examples.cli;

import ai.djl.MalformedModelException;
import io.github.geollava.examples.demo.DemoPipeline;
import io.github.geollava.examples.demo.DemoReport;
import io.github.geollava.examples.demo.DemoSettings;
import io.github.geollava.examples.demo.DemoTable;
import io.github.geollava.examples.demo.VariantResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code geollava demo}: the whole GeoLLaVA pipeline on the embedded synthetic data and a small model,
 * printing the paper's Table 1 in miniature and writing {@code report.html}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run GeoLLaVA end to end in miniature (synthetic data, tiny model, LoRA/QLoRA/pruning)"
        + " and print Table 1; writes report.html. Stages already done are reused.")
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "geollava-out/demo", paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE}); a second run reuses its artifacts.")
  Path out;

  @Option(names = "--quick", description = "A smaller run (about a minute on 2 cores) to try the pipeline.")
  boolean quick;

  @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Seed (default: 7).")
  long seed;

  @Option(names = "--locations", paramLabel = "N", description = "Synthetic locations (default: 300, quick 120).")
  Integer locations;

  @Override
  public Integer call() throws IOException {
    DemoSettings s = quick ? DemoSettings.QUICK : DemoSettings.DEFAULT;
    if (locations != null) {
      s = s.withLocations(locations);
    }
    PrintWriter o = spec.commandLine().getOut();
    DemoReport report;
    try {
      report = DemoPipeline.builder().setOutputDir(out).optSettings(s).optSeed(seed)
          .optProgress(spec.commandLine().getErr()).build().run();
    } catch (MalformedModelException e) {
      throw new BadInputException(out + ": " + e.getMessage(), e);
    }
    o.println();
    o.println(report.title());
    o.println(DemoTable.format(report.variants()));
    for (Map.Entry<String, String> e : report.settings().entrySet()) {
      o.println("  " + e.getKey() + ": " + e.getValue());
    }
    o.println();
    targets(o, report.variants());
    o.println("report: " + out.resolve("report.html").toAbsolutePath());
    o.flush();
    return 0;
  }

  /** The targets, met or missed by how much. */
  private static void targets(PrintWriter o, List<VariantResult> rows) {
    Double base = r1(rows, "base");
    Double lora = r1(rows, "LoRA");
    Double nf4 = r1(rows, "QLoRA-NF4");
    Double p5 = r1(rows, "LoRA-prune5%");
    if (base == null || lora == null) {
      return;
    }
    check(o, "fine-tuned (LoRA) ROUGE-1 >= 0.60", lora, 0.60);
    check(o, "LoRA ROUGE-1 >= base + 0.25", lora - base, 0.25);
    if (nf4 != null) {
      check(o, "QLoRA-NF4 within 0.02 of LoRA", -Math.abs(nf4 - lora), -0.02);
    }
    if (p5 != null) {
      check(o, "5 % pruning within 0.03 of LoRA", -Math.abs(p5 - lora), -0.03);
    }
  }

  private static void check(PrintWriter o, String what, double value, double goal) {
    boolean met = value >= goal - 1e-12;
    o.printf(Locale.ROOT, "  target %-34s %s (%.3f vs %.3f)%n", what, met ? "met" : "MISSED by " +
        String.format(Locale.ROOT, "%.3f", goal - value), Math.abs(value), Math.abs(goal));
  }

  private static Double r1(List<VariantResult> rows, String name) {
    return rows.stream().filter(r -> r.name().equals(name)).findFirst()
        .map(r -> r.metrics().get("rouge1")).orElse(null);
  }
}
