package io.github.geollava.prune.report;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.geollava.prune.mask.LinearWeights;
import io.github.geollava.prune.mask.PruningMasks;
import io.github.geollava.prune.mask.TensorMask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sparsity per tensor and overall, with the sizes of bitmap and CSR encodings.
 *
 * <p>Honest note, repeated in the table and the JSON: unstructured zeros make nothing faster on dense
 * kernels (a dense matmul multiplies zeros like any other number), and at 5-10 % sparsity neither
 * bitmap nor CSR is smaller than dense float32 (CSR needs under 50 % non-zeros to break even). The gain
 * of such pruning is in model quality per parameter, not speed or memory; 2:4 needs sparse tensor cores.
 *
 * @param tensors one row per pruned tensor, in order
 */
public record SparsityReport(List<TensorSparsity> tensors) {

  /** The note about speed and size, included in every rendering. */
  public static final String NOTE = "Unstructured zeros give no speed-up on dense kernels: a dense "
      + "matmul multiplies the zeros too. CSR (int32 indices + fp32 values) is smaller than dense fp32 "
      + "only below 50% non-zeros; a bitmap only below ~97%. Weights stay stored dense.";

  /** Copies the list. */
  public SparsityReport {
    tensors = List.copyOf(tensors);
  }

  /**
   * Counts the zeros actually present in the masked weights of a block tree (pre-existing zeros of
   * kept weights included).
   *
   * @param root the block tree
   * @param masks the masks naming the tensors to report
   * @return the report
   */
  public static SparsityReport of(Block root, PruningMasks masks) {
    List<TensorSparsity> rows = new ArrayList<>();
    for (TensorMask m : masks.masks().values()) {
      NDArray w = LinearWeights.at(root, m.modulePath()).getArray();
      long nonZero = w.countNonzero().getLong();
      rows.add(new TensorSparsity(m.modulePath(), w.getShape().getShape(), w.size(), w.size() - nonZero));
    }
    return new SparsityReport(rows);
  }

  /**
   * The sparsity the masks themselves define (zeros = pruned weights).
   *
   * @param masks the masks
   * @return the report
   */
  public static SparsityReport of(PruningMasks masks) {
    List<TensorSparsity> rows = new ArrayList<>();
    for (TensorMask m : masks.masks().values()) {
      rows.add(new TensorSparsity(m.modulePath(), m.shape(), m.size(), m.pruned()));
    }
    return new SparsityReport(rows);
  }

  /** The totals over all tensors, as one row named {@code total}. */
  @JsonProperty
  public Total total() {
    long n = 0;
    long z = 0;
    long dense = 0;
    long bitmap = 0;
    long csr = 0;
    for (TensorSparsity t : tensors) {
      n += t.parameters();
      z += t.zeros();
      dense += t.denseBytes();
      bitmap += t.bitmapBytes();
      csr += t.csrBytes();
    }
    return new Total(tensors.size(), n, z, n == 0 ? 0.0 : (double) z / n, dense, bitmap, csr);
  }

  /** The note, as a JSON field. */
  @JsonProperty
  public String note() {
    return NOTE;
  }

  /**
   * The totals.
   *
   * @param tensorCount how many tensors
   * @param parameters weights over all tensors
   * @param zeros zeros over all tensors
   * @param sparsity zeros / parameters
   * @param denseBytes float32 bytes
   * @param bitmapBytes bitmap encoding bytes
   * @param csrBytes CSR encoding bytes
   */
  public record Total(int tensorCount, long parameters, long zeros, double sparsity, long denseBytes,
      long bitmapBytes, long csrBytes) {}

  /** A fixed-width text table, one row per tensor, then the total and the note. */
  public String toTable() {
    int w = "tensor".length();
    for (TensorSparsity t : tensors) {
      w = Math.max(w, t.name().length());
    }
    String fmt = "%-" + w + "s %12s %12s %9s %14s %14s %14s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, fmt, "tensor", "parameters", "zeros", "sparsity", "dense B",
        "bitmap B", "CSR B"));
    for (TensorSparsity t : tensors) {
      sb.append(String.format(Locale.ROOT, fmt, t.name(), t.parameters(), t.zeros(),
          pct(t.sparsity()), t.denseBytes(), t.bitmapBytes(), t.csrBytes()));
    }
    Total tot = total();
    sb.append(String.format(Locale.ROOT, fmt, "total (" + tot.tensorCount() + " tensors)", tot.parameters(),
        tot.zeros(), pct(tot.sparsity()), tot.denseBytes(), tot.bitmapBytes(), tot.csrBytes()));
    sb.append("note: ").append(NOTE).append(System.lineSeparator());
    return sb.toString();
  }

  private static String pct(double s) {
    return String.format(Locale.ROOT, "%.4f%%", 100 * s);
  }

  /** The report as pretty JSON: {@code tensors}, {@code total}, {@code note}. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the sparsity report", e);
    }
  }

  /**
   * Writes {@link #toJson()} atomically (a temporary file in the same folder, then a rename).
   *
   * @param file the JSON file
   * @throws IOException if writing fails
   */
  public void writeJson(Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
