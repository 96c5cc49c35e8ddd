package io.github.geollava.examples.cli;

import io.github.geollava.core.safetensors.MalformedSafetensorsException;
import io.github.geollava.lora.quant.BnbCheckpoint;
import io.github.geollava.lora.quant.QuantFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code geollava quantize}: stores every 2-D float tensor of a safetensors file as NF4, FP4 or INT8
 * in bitsandbytes' serialised layout (see {@link BnbCheckpoint}); other tensors are copied.
 */
@Command(
    name = "quantize",
    mixinStandardHelpOptions = true,
    description = "Quantize the 2-D float tensors of a safetensors file to NF4, FP4 or INT8 "
        + "(bitsandbytes layout).")
public final class QuantizeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "F.safetensors", description = "Input file.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "G.safetensors", description = "Output file.")
  Path out;

  @Option(names = "--format", required = true, paramLabel = "nf4|fp4|int8",
      description = "Storage format.")
  String format;

  @Option(names = "--block-size", defaultValue = "64",
      description = "Elements per absmax block for 4-bit formats, a power of two in 32..4096 (default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(names = "--double-quant", description = "Double-quantize the 4-bit absmax (QLoRA).")
  boolean doubleQuant;

  @Option(names = "--exclude", paramLabel = "REGEX",
      description = "Tensor names (full match) to keep in float, e.g. '.*lm_head.*'.")
  String exclude;

  @Override
  public Integer call() throws IOException, MalformedSafetensorsException {
    QuantFormat f = QuantFormat.parse(format);
    if (!Files.isRegularFile(in)) {
      throw new BadInputException("--in: no such file: " + in);
    }
    Pattern ex;
    try {
      ex = exclude == null ? null : Pattern.compile(exclude);
    } catch (PatternSyntaxException e) {
      throw new BadInputException("--exclude: not a valid regex: " + exclude, e);
    }
    if (f == QuantFormat.INT8 && doubleQuant) {
      throw new BadInputException("--double-quant: only valid with nf4 or fp4, not int8");
    }
    BnbCheckpoint.Summary s = BnbCheckpoint.quantizeFile(in, out, f, blockSize, doubleQuant,
        n -> ex == null || !ex.matcher(n).matches());
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "%s: quantized %d tensors to %s (%d parameters, %.2f MiB -> %.2f MiB,"
            + " %.3f bits/parameter), copied %d%n", out, s.quantized().size(), f.bnbName(),
        s.parameters(), s.floatBytes() / 1048576.0, s.quantizedBytes() / 1048576.0,
        s.bitsPerParameter(), s.copied().size());
    o.flush();
    return 0;
  }
}
