package io.github.geollava.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsWriterTest {

  @TempDir Path dir;

  @Test
  void rewritingTheHuggingFaceFileIsByteIdentical() throws Exception {
    Path golden = SafetensorsFileTest.golden();
    Path out = dir.resolve("rewritten.safetensors");
    try (SafetensorsFile f = SafetensorsFile.open(golden)) {
      SafetensorsWriter w = SafetensorsWriter.create();
      f.metadata().forEach(w::metadata);
      // insertion order must not matter: the writer sorts as the reference does
      List<String> names = new ArrayList<>(f.names());
      Collections.shuffle(names, new Random(7));
      for (String n : names) {
        TensorInfo info = f.info(n);
        ByteBuffer b = f.rawBytes(n);
        byte[] data = new byte[b.remaining()];
        b.get(data);
        w.put(n, info.dtype(), info.shape(), data);
      }
      w.write(out);
    }
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(golden));
  }

  @Test
  void tensorsAreOrderedByDescendingReferenceDtypeThenName() throws Exception {
    Path p = SafetensorsWriter.create()
        .put("z_bool", SafetensorsDType.BOOL, new long[] {1}, new byte[] {1})
        .put("b_u8", SafetensorsDType.U8, new long[] {1}, new byte[] {1})
        .putFloats("b_f32", new float[] {1}, 1)
        .putFloats("a_f32", new float[] {2}, 1)
        .put("c_i64", SafetensorsDType.I64, new long[] {1}, new byte[8])
        .put("d_f64", SafetensorsDType.F64, new long[] {1}, new byte[8])
        .put("e_bf16", SafetensorsDType.BF16, new long[] {1}, new byte[2])
        .put("f_f16", SafetensorsDType.F16, new long[] {1}, new byte[2])
        .writeTo(dir.resolve("order.safetensors"));
    byte[] all = Files.readAllBytes(p);
    long n = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(n % 8).isZero();
    String header = new String(all, 8, (int) n, StandardCharsets.UTF_8);
    assertThat(header.stripTrailing().length()).isGreaterThan((int) n - 8);
    assertThat(header.stripTrailing()).isEqualTo(
        "{\"c_i64\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
            + "\"d_f64\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]},"
            + "\"a_f32\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[16,20]},"
            + "\"b_f32\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[20,24]},"
            + "\"e_bf16\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[24,26]},"
            + "\"f_f16\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[26,28]},"
            + "\"b_u8\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[28,29]},"
            + "\"z_bool\":{\"dtype\":\"BOOL\",\"shape\":[1],\"data_offsets\":[29,30]}}");
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertThat(f.readFloats("a_f32")).containsExactly(2f);
      assertThat(f.metadata()).isEmpty();
    }
  }

  @Test
  void metadataComesFirstSortedAndStringsAreEscapedLikeSerdeJson() throws Exception {
    Path p = SafetensorsWriter.create()
        .metadata("format", "pt")
        .metadata("b", "q\"uote\\back\nline\u0001 é")
        .putFloats("x\ty", new float[] {1}, 1)
        .writeTo(dir.resolve("meta.safetensors"));
    byte[] all = Files.readAllBytes(p);
    long n = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getLong();
    String header = new String(all, 8, (int) n, StandardCharsets.UTF_8).stripTrailing();
    assertThat(header).isEqualTo("{\"__metadata__\":{\"b\":\"q\\\"uote\\\\back\\nline\\u0001 é\","
        + "\"format\":\"pt\"},\"x\\ty\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertThat(f.metadata()).containsEntry("b", "q\"uote\\back\nline\u0001 é");
      assertThat(f.names()).containsExactly("x\ty");
    }
  }

  @Test
  void ndArraysRoundTripWithTheirTypes() throws Exception {
    Path p = dir.resolve("nd.safetensors");
    try (NDManager m = NDManager.newBaseManager()) {
      SafetensorsWriter.create()
          .put("f", m.arange(6f).reshape(2, 3))
          .put("l", m.create(new long[] {-1, 5}))
          .put("i", m.create(new int[] {7}))
          .put("b", m.create(new boolean[] {true, false}))
          .put("u", m.create(new byte[] {(byte) 250}).toType(DataType.UINT8, false))
          .put("d", m.create(new double[] {0.25}))
          .write(p);
      try (SafetensorsFile f = SafetensorsFile.open(p)) {
        NDArray back = f.load("f", m);
        assertThat(back.getShape()).isEqualTo(new Shape(2, 3));
        assertThat(back.toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(f.load("l", m).toLongArray()).containsExactly(-1, 5);
        assertThat(f.load("i", m).toIntArray()).containsExactly(7);
        assertThat(f.load("b", m).toBooleanArray()).containsExactly(true, false);
        assertThat(f.load("u", m).toUint8Array()).containsExactly(250);
        assertThat(f.info("d").dtype()).isEqualTo(SafetensorsDType.F64);
        assertThat(f.readFloats("d")).containsExactly(0.25f);
      }
      NDArray bf = m.create(new float[] {1}).toType(DataType.FLOAT16, false);
      assertThat(SafetensorsWriter.create().put("h", bf).size()).isEqualTo(1);
    }
  }

  @Test
  void badInputIsRejectedWithTheTensorName() {
    SafetensorsWriter w = SafetensorsWriter.create().putFloats("a", new float[] {1}, 1);
    assertThatThrownBy(() -> w.putFloats("a", new float[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' was already added");
    assertThatThrownBy(() -> w.putFloats("b", new float[] {1, 2}, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'")
        .hasMessageContaining("needs 12 bytes, got 8");
    assertThatThrownBy(() -> w.putFloats("__metadata__", new float[] {1}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
  }

  @Test
  void writeIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
    Path p = dir.resolve("atomic.safetensors");
    Files.writeString(p, "old content");
    SafetensorsWriter.create().metadata("format", "pt").putFloats("w", new float[] {3}, 1).write(p);
    try (SafetensorsFile f = SafetensorsFile.open(p); Stream<Path> s = Files.list(dir)) {
      assertThat(f.readFloats("w")).containsExactly(3f);
      assertThat(f.metadata()).isEqualTo(Map.of("format", "pt"));
      assertThat(s.map(x -> x.getFileName().toString())).containsExactly("atomic.safetensors");
    }
  }

  @Test
  void anEmptyWriterWritesAValidEmptyFile() throws Exception {
    Path p = SafetensorsWriter.create().writeTo(dir.resolve("empty.safetensors"));
    assertThat(Files.size(p)).isEqualTo(16);
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertThat(f.names()).isEmpty();
    }
  }
}
