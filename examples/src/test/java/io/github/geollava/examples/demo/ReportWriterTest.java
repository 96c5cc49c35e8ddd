package io.github.geollava.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir
  Path dir;

  private DemoReport report(List<VariantResult> rows, List<DemoSample> samples) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("locations", "20 (seed 7)");
    settings.put("model", "tiny <LLaVA>");
    return new DemoReport("Demo & report", rows, samples, settings);
  }

  private DemoSample sample(String id, Path first, Path second, String reference) {
    return new DemoSample(id, first, second, reference, List.of("new_buildings", "<b>bold</b>"));
  }

  @Test
  void escapesCaptionsSettingsAndTitles() throws Exception {
    Path a = Fixtures.png(dir.resolve("a.png"), Color.RED);
    List<VariantResult> rows = new ArrayList<>(Fixtures.rows());
    rows.set(1, new VariantResult("LoRA", "m", 1, 2, 3, 1, Fixtures.metrics("rouge1", 0.5),
        List.of("<script>alert('x')</script> & more")));
    Path html = dir.resolve("report.html");

    ReportWriter.write(report(rows, List.of(sample("p0", a, a, "truth <img src=x onerror=alert(1)>"))), html);
    String page = Files.readString(html);

    assertThat(page).doesNotContain("<script").doesNotContain("<img src=x")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .contains("truth &lt;img src=x onerror=alert(1)&gt;")
        .contains("<title>Demo &amp; report</title>")
        .contains("tiny &lt;LLaVA&gt;")
        .contains("&lt;b&gt;bold&lt;/b&gt;");
  }

  @Test
  void embedsImagesAsDataUris() throws Exception {
    Path a = Fixtures.png(dir.resolve("first.png"), Color.RED);
    Path b = Fixtures.png(dir.resolve("second.png"), Color.BLUE);
    Path html = dir.resolve("out/report.html");

    ReportWriter.write(report(Fixtures.rows(), List.of(sample("p0", a, b, "new buildings"))), html);
    String page = Files.readString(html);

    Matcher m = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(page);
    List<byte[]> images = new ArrayList<>();
    while (m.find()) {
      images.add(Base64.getDecoder().decode(m.group(1)));
    }
    assertThat(images).hasSize(2);
    assertThat(images.get(0)).isEqualTo(Files.readAllBytes(a));
    assertThat(images.get(1)).isEqualTo(Files.readAllBytes(b));
    assertThat(page).doesNotContain("file:").doesNotContain("src=\"/").doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void missingOrBogusImageGivesPlaceholder() throws Exception {
    Path a = Fixtures.png(dir.resolve("a.png"), Color.GREEN);
    Path missing = dir.resolve("gone/<missing>.png");
    Path text = Files.writeString(dir.resolve("fake.png"), "not a png");
    Path html = dir.resolve("report.html");

    ReportWriter.write(report(Fixtures.rows(), List.of(sample("p0", a, missing, "x"),
        sample("p1", text, null, "y"))), html);
    String page = Files.readString(html);

    assertThat(page).contains("class=\"missing\"").contains("image not found")
        .contains(Html.esc(missing.toString()))
        .contains("not a PNG, JPEG, GIF, WebP or BMP image").contains("no image");
    assertThat(page.split("<img src=\"data:", -1)).hasSize(2);
  }

  @Test
  void writesAtomicallyAndLeavesNoTempFile() throws Exception {
    Path html = dir.resolve("report.html");
    Files.writeString(html, "old");

    ReportWriter.write(report(Fixtures.rows(), List.of()), html);
    ReportWriter.write(report(Fixtures.rows(), List.of()), html);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.html");
    }
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      // the temp file must not leave its private 0600 mode on the report: same mode as any new file
      Path plain = Files.createFile(dir.resolve("plain.txt"));
      assertThat(Files.getPosixFilePermissions(html)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }

  @Test
  void boldsBestValuePerMetricColumn() {
    String page = ReportWriter.render(report(Fixtures.rows(), List.of()));
    String table = page.substring(page.indexOf("<table class=\"results\">"), page.indexOf("</table>"));
    List<String> best = new ArrayList<>();
    Matcher m = Pattern.compile("<td class=\"best\"><strong>([^<]+)</strong></td>").matcher(table);
    while (m.find()) {
      best.add(m.group(1));
    }

    // LoRA wins ROUGE-1, ROUGE-L, BLEU-2, Sim, Events; QLoRA-NF4 wins ROUGE-2 and BERTScore.
    assertThat(best).containsExactly("0.457", "0.400", "0.300", "0.700", "0.500", "0.250", "0.850");
    String baseRow = table.substring(table.indexOf("<b>base</b>"), table.indexOf("<b>LoRA</b>"));
    assertThat(baseRow).doesNotContain("<strong>");
  }

  @Test
  void showsAtMostFourExamplesAndEveryVariantsCaption() {
    List<DemoSample> samples = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      samples.add(sample("pair" + i, dir.resolve("x.png"), dir.resolve("y.png"), "new buildings near road"));
    }
    String page = ReportWriter.render(report(Fixtures.rows(), samples));

    assertThat(page).contains("<h3>pair3</h3>").doesNotContain("<h3>pair4</h3>").contains("4 of 6 held-out pairs");
    assertThat(page).contains("a base caption", "new buildings appear", "no caption");
  }

  @Test
  void wordSectionComparesTruthWithBestVariantAndBase() {
    List<DemoSample> samples = List.of(
        sample("p0", null, null, "New buildings appear near the road."),
        sample("p1", null, null, "The road is wider and new buildings stand."));
    List<VariantResult> rows = List.of(
        new VariantResult("base", "", 0, 10, 40, 0, Fixtures.metrics("rouge1", 0.1),
            List.of("trees trees", "trees")),
        new VariantResult("LoRA", "", 1, 10, 40, 1, Fixtures.metrics("rouge1", 0.6),
            List.of("new buildings", "buildings buildings buildings road", "extra caption without sample")),
        new VariantResult("QLoRA-NF4", "", 1, 10, 40, 1, Fixtures.metrics("rouge1", 0.3), List.of("road")));
    String page = ReportWriter.render(report(rows, samples));
    String words = page.substring(page.indexOf("<h2>Word frequencies</h2>"));

    assertThat(words).contains("best variant by ROUGE-1 (LoRA) and the base")
        .contains("aria-label=\"Word frequencies\"")
        .contains("<title>ground truth, buildings: 1.00 per caption</title>")
        // captions beyond the samples are not counted: 4 "buildings" in 2 captions
        .contains("<title>LoRA, buildings: 2.00 per caption</title>")
        .contains("<title>base, buildings: 0.00 per caption</title>")
        .doesNotContain("<title>QLoRA-NF4,")
        .contains("over-uses: <i>buildings</i> 2.00 vs 1.00")
        .contains("<u>trees</u> <span class=\"dim\">3</span>")
        // the scale follows the ground truth (max 1.0 per caption, x 1.5): LoRA's 2.0 is cut and marked
        .contains("font-weight=\"700\">2.00</text>")
        .doesNotContain("without");
  }
}
