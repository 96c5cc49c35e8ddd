package io.github.geollava.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

  @TempDir Path dir;

  static Path golden() {
    try {
      return Path.of(SafetensorsFileTest.class.getResource("/safetensors/llava_tiny_model.safetensors")
          .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsTheHuggingFaceGoldenFile() throws Exception {
    try (SafetensorsFile f = SafetensorsFile.open(golden())) {
      assertThat(f.metadata()).containsExactly(java.util.Map.entry("format", "pt"));
      assertThat(f.names()).hasSize(65).first().isEqualTo("image_newline");
      TensorInfo lm = f.info("language_model.lm_head.weight");
      assertThat(lm.dtype()).isEqualTo(SafetensorsDType.F32);
      assertThat(lm.shape()).containsExactly(128, 64);
      assertThat(lm.begin()).isEqualTo(256);
      float[] w = f.readFloats("language_model.lm_head.weight");
      // first values and sum as numpy reads them (np.frombuffer(..., '<f4'))
      assertThat(w).hasSize(128 * 64);
      assertThat(w[0]).isEqualTo(-0.012751230970025063f);
      assertThat(w[1]).isEqualTo(-0.5116652846336365f);
      double sum = 0;
      for (float v : w) {
        sum += v;
      }
      assertThat(sum).isCloseTo(1.7479734420776367, org.assertj.core.data.Offset.offset(1e-4));
      long params = 0;
      for (String n : f.names()) {
        params += f.info(n).numel();
      }
      assertThat(params).isEqualTo(120_800);
    }
  }

  @Test
  void absentTensorNamesFileAndTensor() throws Exception {
    try (SafetensorsFile f = SafetensorsFile.open(golden())) {
      assertThatThrownBy(() -> f.info("nope.weight"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope.weight")
          .hasMessageContaining("llava_tiny_model.safetensors");
    }
  }

  @Test
  void widensHalfPrecisionAndConvertsIntegers() throws Exception {
    short[] halves = {(short) 0x3c00, (short) 0xc000, (short) 0x3800}; // 1, -2, 0.5
    short[] bf = {(short) 0x3f80, (short) 0xc020}; // 1, -2.5
    Path p = SafetensorsWriter.create()
        .put("h", SafetensorsDType.F16, new long[] {3}, RawFiles.shortsLe(halves))
        .put("b", SafetensorsDType.BF16, new long[] {2}, RawFiles.shortsLe(bf))
        .put("s", SafetensorsDType.I16, new long[] {2}, RawFiles.shortsLe((short) -7, (short) 300))
        .put("m", SafetensorsDType.BOOL, new long[] {3}, new byte[] {0, 1, 1})
        .put("d", SafetensorsDType.F64, new long[] {1},
            ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).array())
        .put("u", SafetensorsDType.U8, new long[] {2}, new byte[] {(byte) 200, 3})
        .putFloats("f", new float[] {1, 2, 3, 4, 5, 6}, 2, 3)
        .putFloats("scalar", new float[] {42f})
        .putFloats("empty", new float[0], 0, 4)
        .writeTo(dir.resolve("mixed.safetensors"));
    try (SafetensorsFile f = SafetensorsFile.open(p);
        NDManager m = NDManager.newBaseManager()) {
      assertThat(f.readFloats("h")).containsExactly(1f, -2f, 0.5f);
      assertThat(f.readFloats("b")).containsExactly(1f, -2.5f);
      assertThat(f.readFloats("d")).containsExactly(0.1f);
      assertThat(f.readFloats("u")).containsExactly(200f, 3f);
      assertThat(f.info("scalar").shape()).isEmpty();

      NDArray h = f.load("h", m);
      assertThat(h.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(h.toFloatArray()).containsExactly(1f, -2f, 0.5f);
      NDArray b = f.load("b", m);
      assertThat(b.getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(b.toFloatArray()).containsExactly(1f, -2.5f);
      NDArray s = f.load("s", m);
      assertThat(s.getDataType()).isEqualTo(DataType.INT32);
      assertThat(s.toIntArray()).containsExactly(-7, 300);
      NDArray mask = f.load("m", m);
      assertThat(mask.getDataType()).isEqualTo(DataType.BOOLEAN);
      assertThat(mask.toBooleanArray()).containsExactly(false, true, true);
      NDArray u = f.load("u", m);
      assertThat(u.getDataType()).isEqualTo(DataType.UINT8);
      assertThat(u.toUint8Array()).containsExactly(200, 3);
      NDArray ff = f.load("f", m);
      assertThat(ff.getShape()).isEqualTo(new Shape(2, 3));
      assertThat(ff.getName()).isEqualTo("f");
      assertThat(ff.sum().getFloat()).isEqualTo(21f);
      assertThat(f.load("scalar", m).getShape()).isEqualTo(new Shape());
      assertThat(f.load("empty", m).getShape()).isEqualTo(new Shape(0, 4));
    }
  }

  @Test
  void loadedTensorsAreIndependentOfTheFileAndSurviveClose() throws Exception {
    Path p = SafetensorsWriter.create()
        .putFloats("w", new float[] {1, 2, 3, 4}, 4)
        .writeTo(dir.resolve("w.safetensors"));
    byte[] before = Files.readAllBytes(p);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w;
      try (SafetensorsFile f = SafetensorsFile.open(p)) {
        w = f.load("w", m);
        w.muli(10); // in place: must not write through the mapping into the file
        assertThat(f.readFloats("w")).containsExactly(1, 2, 3, 4);
      }
      assertThat(w.toFloatArray()).containsExactly(10, 20, 30, 40);
    }
    assertThat(Files.readAllBytes(p)).isEqualTo(before);
  }

  @Test
  void closedFileRefusesReads() throws Exception {
    SafetensorsFile f = SafetensorsFile.open(golden());
    f.close();
    assertThatThrownBy(() -> f.readFloats("image_newline")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void rawBytesAreALittleEndianReadOnlySlice() throws Exception {
    try (SafetensorsFile f = SafetensorsFile.open(golden())) {
      ByteBuffer b = f.rawBytes("image_newline");
      assertThat(b.isReadOnly()).isTrue();
      assertThat(b.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
      assertThat(b.remaining()).isEqualTo(256);
      assertThat(b.getFloat(0)).isEqualTo(f.readFloats("image_newline")[0]);
    }
  }

  @Test
  void filesLargerThanTwoGibAreMappedPerTensor() throws IOException, Exception {
    // a sparse file: 2 GiB + 32 bytes of zeros in "a", then 4 floats in "b"
    long aBytes = (1L << 31) + 32;
    String header = "{\"a\":{\"dtype\":\"U8\",\"shape\":[" + aBytes + "],\"data_offsets\":[0," + aBytes
        + "]},\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[" + aBytes + "," + (aBytes + 16)
        + "]}}";
    while ((header.length() % 8) != 0) {
      header += " ";
    }
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    Path p = dir.resolve("big.safetensors");
    try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length);
      raf.write(len.array());
      raf.write(h);
      raf.seek(8 + h.length + aBytes);
      raf.write(RawFiles.floatsLe(1.5f, -1f, 0f, 7f));
    }
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      assertThat(f.readFloats("b")).containsExactly(1.5f, -1f, 0f, 7f);
      assertThatThrownBy(() -> f.rawBytes("a")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'a'").hasMessageContaining("2 GiB");
    }
  }

  @Test
  void malformedFilesNameTheFileAndTheTensor() throws Exception {
    byte[] four = RawFiles.floatsLe(1, 2, 3, 4);
    assertMalformed("short.safetensors", new byte[] {1, 2, 3}, null, "fewer than the 8-byte");
    assertMalformed("huge-header.safetensors",
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array(), null,
        "exceeds the limit");
    assertMalformed("past-end.safetensors",
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(100).array(), null,
        "past the end");
    assertMalformed("not-json.safetensors", RawFiles.bytes("{\"a\":", four), null, "not well-formed");
    assertMalformed("array.safetensors", RawFiles.bytes("[1,2]   ", four), null, "start with '{'");
    assertMalformed("trailing.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}x", four),
        null, "not well-formed");
    assertMalformed("dtype.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[16],\"data_offsets\":[0,16]}}", four),
        "a", "F8_E4M3");
    assertMalformed("span.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}", four),
        "a", "needs 12");
    assertMalformed("negative.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[-4],\"data_offsets\":[0,16]}}", four),
        "a", "non-negative");
    assertMalformed("overlap.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", four),
        "b", "overlaps");
    assertMalformed("gap.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
            + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}", four),
        "b", "gap");
    assertMalformed("truncated.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[8],\"data_offsets\":[0,32]}}", four),
        "a", "truncated");
    assertMalformed("duplicate.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", four),
        null, "Duplicate");
    assertMalformed("meta.safetensors",
        RawFiles.bytes("{\"__metadata__\":{\"n\":1},\"a\":{\"dtype\":\"F32\",\"shape\":[4],"
            + "\"data_offsets\":[0,16]}}", four),
        null, "must be a string");
    assertMalformed("utf8.safetensors",
        ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(4)
            .put(new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}).array(),
        null, "UTF-8");
    assertMalformed("overflow.safetensors",
        RawFiles.bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],"
            + "\"data_offsets\":[0,16]}}", four),
        "a", "overflow");
  }

  private void assertMalformed(String name, byte[] bytes, String tensor, String text)
      throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    assertThatThrownBy(() -> SafetensorsFile.open(p).close())
        .isInstanceOfSatisfying(MalformedSafetensorsException.class, e -> {
          assertThat(e.file()).isEqualTo(p);
          assertThat(e.tensor()).isEqualTo(tensor);
        })
        .hasMessageContaining(name)
        .hasMessageContaining(text);
  }
}
