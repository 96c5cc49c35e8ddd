/**
 * {@code geollava demo}: the paper's Table 1 in miniature. {@link io.github.geollava.examples.demo.VariantResult},
 * {@link io.github.geollava.examples.demo.DemoSample} and {@link io.github.geollava.examples.demo.DemoReport}
 * hold what a run measured; {@link io.github.geollava.examples.demo.DemoTable} prints it for the console and
 * for markdown, and {@link io.github.geollava.examples.demo.ReportWriter} writes the self-contained
 * {@code report.html} (table, charts, example pairs, word frequencies).
 */
package io.github.geollava.examples.demo;
