package io.github.geollava.lora.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.safetensors.SafetensorsDType;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.core.safetensors.TensorInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.github.geollava.core.safetensors.MalformedSafetensorsException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * bitsandbytes' serialised layout in safetensors, as {@code QuantState.as_dict(packed=True)} and
 * {@code Linear4bit}/{@code Linear8bitLt} state dicts write it. For a 4-bit tensor {@code X}:
 * {@code X} (uint8, ((n+1)/2, 1)), {@code X.absmax} (fp32, or uint8 codes when nested),
 * {@code X.quant_map} (fp32 (16)), with double quantization {@code X.nested_absmax} and
 * {@code X.nested_quant_map}, and {@code X.quant_state.bitsandbytes__nf4} (or {@code __fp4}): a uint8
 * tensor holding the JSON of the non-tensor fields ({@code quant_type}, {@code blocksize},
 * {@code dtype}, {@code shape}, {@code nested_blocksize}, {@code nested_dtype},
 * {@code nested_offset}), as Python's {@code json.dumps} writes it. For INT8: {@code X} (int8) and
 * {@code X.SCB} (fp32 per row); on reading, Hugging Face's {@code <module>.SCB} next to
 * {@code <module>.weight} is accepted too.
 */
public final class BnbCheckpoint {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATE = ".quant_state.bitsandbytes__";

  private BnbCheckpoint() {}

  /** Adds {@code t} under {@code name} in bitsandbytes' layout. */
  public static void put(SafetensorsWriter w, String name, QuantizedTensor t) {
    if (t instanceof Int8RowwiseTensor i8) {
      w.put(name, SafetensorsDType.I8, new long[] {i8.rows(), i8.cols()}, i8.data());
      w.putFloats(name + ".SCB", i8.scb(), i8.rows());
      return;
    }
    FourBitData d = t instanceof Nf4Tensor n ? n.data() : ((Fp4Tensor) t).data();
    String type = d.format.bnbName();
    w.put(name, SafetensorsDType.U8, new long[] {d.packed.length, 1}, d.packed.clone());
    w.putFloats(name + ".quant_map", d.table.clone(), 16);
    StringBuilder json = new StringBuilder();
    json.append("{\"quant_type\": \"").append(type).append("\", \"blocksize\": ").append(d.blockSize)
        .append(", \"dtype\": \"float32\", \"shape\": [");
    for (int i = 0; i < d.shape.length; i++) {
      json.append(i == 0 ? "" : ", ").append(d.shape[i]);
    }
    json.append(']');
    if (d.nested != null) {
      BlockwiseInt8 q = d.nested;
      byte[] codes = q.codes();
      w.put(name + ".absmax", SafetensorsDType.U8, new long[] {codes.length}, codes);
      w.putFloats(name + ".nested_absmax", q.absmax2(), q.absmax2().length);
      w.putFloats(name + ".nested_quant_map", q.code(), 256);
      json.append(", \"nested_blocksize\": ").append(q.blockSize())
          .append(", \"nested_dtype\": \"float32\", \"nested_offset\": ")
          .append(pythonRepr(q.offset()));
    } else {
      w.putFloats(name + ".absmax", d.absmax.clone(), d.absmax.length);
    }
    json.append('}');
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    w.put(name + STATE + type, SafetensorsDType.U8, new long[] {bytes.length}, bytes);
  }

  /**
   * What {@link #quantizeFile} did.
   *
   * @param quantized names of the tensors stored quantized
   * @param copied names of the tensors copied unchanged
   * @param floatBytes bytes the quantized tensors took before (as stored in the input)
   * @param quantizedBytes bytes they take now (codes, scales, nested scales; tables and JSON excluded)
   * @param parameters logical elements of the quantized tensors
   */
  public record Summary(java.util.List<String> quantized, java.util.List<String> copied,
      long floatBytes, long quantizedBytes, long parameters) {
    /** Copies the lists. */
    public Summary {
      quantized = java.util.List.copyOf(quantized);
      copied = java.util.List.copyOf(copied);
    }

    /** Stored bits per quantized parameter. */
    public double bitsPerParameter() {
      return parameters == 0 ? 0 : 8.0 * quantizedBytes / parameters;
    }
  }

  /**
   * Quantizes every 2-D float tensor (F32, F16, BF16) of a safetensors file whose name
   * {@code include} accepts and writes bitsandbytes' layout; every other tensor is copied unchanged,
   * as is the metadata. The output is written atomically.
   *
   * @param in the input file
   * @param out the output file
   * @param format NF4, FP4 or INT8
   * @param blockSize the 4-bit block size
   * @param doubleQuant whether to double-quantize 4-bit scales
   * @param include which tensor names to quantize
   * @return what was done
   */
  public static Summary quantizeFile(Path in, Path out, QuantFormat format, int blockSize,
      boolean doubleQuant, java.util.function.Predicate<String> include)
      throws IOException, MalformedSafetensorsException {
    if (format != QuantFormat.INT8) {
      FourBitData.checkBlockSize(blockSize);
    }
    java.util.List<String> quantized = new java.util.ArrayList<>();
    java.util.List<String> copied = new java.util.ArrayList<>();
    long before = 0;
    long after = 0;
    long params = 0;
    SafetensorsWriter w = SafetensorsWriter.create();
    try (SafetensorsFile f = SafetensorsFile.open(in)) {
      f.metadata().forEach(w::metadata);
      for (String n : f.names()) {
        TensorInfo info = f.info(n);
        boolean isFloat = info.dtype() == SafetensorsDType.F32 || info.dtype() == SafetensorsDType.F16
            || info.dtype() == SafetensorsDType.BF16;
        if (isFloat && info.shape().length == 2 && include.test(n)) {
          float[] v = f.readFloats(n);
          long[] shape = info.shape();
          QuantizedTensor t = switch (format) {
            case NF4 -> Nf4Tensor.quantize(v, shape, blockSize, doubleQuant);
            case FP4 -> Fp4Tensor.quantize(v, shape, blockSize, doubleQuant);
            case INT8 -> Int8RowwiseTensor.quantize(v, Math.toIntExact(shape[0]),
                Math.toIntExact(shape[1]));
          };
          put(w, n, t);
          quantized.add(n);
          before += info.byteLength();
          after += t.storageBytes();
          params += t.numel();
        } else {
          ByteBuffer b = f.rawBytes(n);
          byte[] raw = new byte[b.remaining()];
          b.get(raw);
          w.put(n, info.dtype(), info.shape(), raw);
          copied.add(n);
        }
      }
    }
    w.write(out);
    return new Summary(quantized, copied, before, after, params);
  }

  /** Python's {@code repr} of a float32 widened to double ({@code tensor.item()}). */
  static String pythonRepr(float f) {
    double d = f;
    if (d == 0) {
      return Float.floatToRawIntBits(f) < 0 ? "-0.0" : "0.0";
    }
    if (!Double.isFinite(d)) {
      return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    if (exp < -4 || exp >= 16) {
      String digits = bd.unscaledValue().abs().toString();
      String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (d < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+")
          + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    String plain = bd.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /**
   * Names of the quantized tensors in a file: those with a {@code .quant_state.bitsandbytes__*}
   * entry, and int8 tensors with an SCB.
   */
  public static Set<String> quantizedNames(SafetensorsFile f) {
    Set<String> out = new TreeSet<>();
    for (String n : f.names()) {
      int i = n.indexOf(STATE);
      if (i > 0) {
        out.add(n.substring(0, i));
      } else if (f.info(n).dtype() == SafetensorsDType.I8 && scbName(f, n) != null) {
        out.add(n);
      }
    }
    return out;
  }

  /** Whether {@code name} is an auxiliary tensor of a quantized one (absmax, quant map, SCB, ...). */
  public static boolean isAuxiliary(SafetensorsFile f, String name) {
    for (String q : quantizedNames(f)) {
      if (name.startsWith(q + ".") || name.equals(scbName(f, q))) {
        return true;
      }
    }
    return name.endsWith(".weight_format");
  }

  private static String scbName(SafetensorsFile f, String name) {
    if (f.contains(name + ".SCB")) {
      return name + ".SCB";
    }
    if (name.endsWith(".weight")) {
      String hf = name.substring(0, name.length() - ".weight".length()) + ".SCB";
      return f.contains(hf) ? hf : null;
    }
    return null;
  }

  /**
   * Restores a quantized tensor exactly as stored (no re-quantization).
   *
   * @throws IllegalArgumentException naming the file and tensor when the layout is incomplete or
   *     uses a code table other than bitsandbytes' NF4/FP4
   */
  public static QuantizedTensor read(SafetensorsFile f, String name) throws IOException {
    String where = f.path() + ": '" + name + "'";
    String scb = scbName(f, name);
    if (scb != null && f.info(name).dtype() == SafetensorsDType.I8) {
      long[] s = f.info(name).shape();
      if (s.length != 2) {
        throw new IllegalArgumentException(where + ": int8 weight must be 2-D but has shape "
            + Arrays.toString(s));
      }
      return Int8RowwiseTensor.of(Math.toIntExact(s[0]), Math.toIntExact(s[1]), bytes(f, name),
          f.readFloats(scb));
    }
    String stateName = null;
    for (QuantFormat q : new QuantFormat[] {QuantFormat.NF4, QuantFormat.FP4}) {
      if (f.contains(name + STATE + q.bnbName())) {
        stateName = name + STATE + q.bnbName();
      }
    }
    if (stateName == null) {
      throw new IllegalArgumentException(where + " has no quant_state.bitsandbytes__nf4/__fp4 or SCB entry");
    }
    JsonNode st = JSON.readTree(new String(bytes(f, stateName), StandardCharsets.UTF_8));
    QuantFormat format = QuantFormat.parse(st.path("quant_type").asText());
    int blockSize = st.path("blocksize").asInt();
    JsonNode shapeNode = st.path("shape");
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = shapeNode.get(i).asLong();
    }
    if (!"float32".equals(st.path("dtype").asText("float32"))) {
      // The logical dtype only matters for the dequantised copy; we always compute in float32.
      org.slf4j.LoggerFactory.getLogger(BnbCheckpoint.class).debug("{}: dtype {} read as float32",
          where, st.path("dtype").asText());
    }
    float[] map = f.readFloats(require(f, name + ".quant_map", where));
    if (!Arrays.equals(map, QuantMaps.fourBit(format))) {
      throw new IllegalArgumentException(where + ": quant_map differs from bitsandbytes' "
          + format.bnbName() + " table; custom code tables are not supported");
    }
    byte[] packed = bytes(f, name);
    String absmaxName = require(f, name + ".absmax", where);
    if (st.has("nested_offset")) {
      BlockwiseInt8 nested = new BlockwiseInt8(bytes(f, absmaxName),
          f.readFloats(require(f, name + ".nested_absmax", where)),
          f.readFloats(require(f, name + ".nested_quant_map", where)),
          st.path("nested_blocksize").asInt(BlockwiseInt8.DEFAULT_BLOCK_SIZE),
          (float) st.path("nested_offset").asDouble());
      return format == QuantFormat.NF4 ? Nf4Tensor.of(shape, blockSize, packed, nested)
          : Fp4Tensor.of(shape, blockSize, packed, nested);
    }
    float[] absmax = f.readFloats(absmaxName);
    return format == QuantFormat.NF4 ? Nf4Tensor.of(shape, blockSize, packed, absmax)
        : Fp4Tensor.of(shape, blockSize, packed, absmax);
  }

  private static String require(SafetensorsFile f, String n, String where) {
    if (!f.contains(n)) {
      throw new IllegalArgumentException(where + ": missing tensor '" + n + "'");
    }
    return n;
  }

  private static byte[] bytes(SafetensorsFile f, String name) {
    TensorInfo info = f.info(name);
    if (info.dtype().byteSize() != 1) {
      throw new IllegalArgumentException(f.path() + ": '" + name + "' should be 1 byte per element but is "
          + info.dtype());
    }
    ByteBuffer b = f.rawBytes(name);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
