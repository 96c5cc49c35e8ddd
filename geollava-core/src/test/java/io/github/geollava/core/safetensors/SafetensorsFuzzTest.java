package io.github.geollava.core.safetensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing over headers and offsets: every input must end in a value (all tensors readable) or a
 * {@link MalformedSafetensorsException} (or an {@link IOException}); never an unchecked exception, an
 * error or a JVM abort. 3 properties x 1,000 tries = 3,000 cases with a fixed seed.
 */
class SafetensorsFuzzTest {

  private static final String[] DTYPES = {
    "F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL", "U64", "F8_E4M3", "f32", ""
  };
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger ACCEPTED = new AtomicInteger();
  private static Path dir;
  private static byte[] valid;

  @BeforeContainer
  static void setUp() throws IOException {
    dir = Files.createTempDirectory("safetensors-fuzz");
    Path p = SafetensorsWriter.create().metadata("format", "pt")
        .putFloats("a", new float[] {1, 2, 3, 4, 5, 6}, 2, 3)
        .put("b", SafetensorsDType.BF16, new long[] {2}, new byte[] {(byte) 0x80, 0x3f, 0, 0x40})
        .put("c", SafetensorsDType.I64, new long[] {1}, new byte[] {1, 0, 0, 0, 0, 0, 0, 0})
        .put("d", SafetensorsDType.BOOL, new long[] {3}, new byte[] {0, 1, 1})
        .writeTo(dir.resolve("valid.safetensors"));
    valid = Files.readAllBytes(p);
  }

  @AfterContainer
  static void tearDown() throws IOException {
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
    // the count of cases the class ran, for the report
    org.slf4j.LoggerFactory.getLogger(SafetensorsFuzzTest.class)
        .info("fuzzed {} inputs, {} accepted", CASES.get(), ACCEPTED.get());
  }

  /** A mutation of a valid file: byte flips (mostly in the header), truncation or extension. */
  record Mutation(List<Integer> positions, List<Integer> values, int truncateTo, int extendBy) {}

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<List<Integer>> positions = Arbitraries.integers().between(0, 400).list().ofMaxSize(6);
    Arbitrary<List<Integer>> values = Arbitraries.integers().between(0, 255).list().ofSize(6);
    return Combinators.combine(positions, values, Arbitraries.integers().between(-1, 420),
        Arbitraries.integers().between(0, 9)).as(Mutation::new);
  }

  @Property(tries = 1000, seed = "20261201")
  void mutatedFilesFailCleanly(@ForAll("mutations") Mutation m) throws IOException {
    byte[] b = valid.clone();
    for (int i = 0; i < m.positions().size(); i++) {
      int pos = m.positions().get(i) % b.length;
      b[pos] = (byte) (int) m.values().get(i);
    }
    if (m.truncateTo() >= 0 && m.truncateTo() < b.length) {
      b = java.util.Arrays.copyOf(b, m.truncateTo());
    }
    if (m.extendBy() > 0) {
      b = java.util.Arrays.copyOf(b, b.length + m.extendBy());
    }
    check(b);
  }

  /** One generated tensor entry, valid or not. */
  record Entry(String name, String dtype, List<Long> shape, long begin, long end) {}

  @Provide
  Arbitrary<List<Entry>> headers() {
    Arbitrary<Long> dim = Arbitraries.oneOf(Arbitraries.longs().between(0, 5),
        Arbitraries.longs().between(-3, Long.MAX_VALUE));
    Arbitrary<Long> off = Arbitraries.oneOf(Arbitraries.longs().between(0, 64),
        Arbitraries.longs().between(-5, Long.MAX_VALUE));
    Arbitrary<Entry> entry = Combinators.combine(
        Arbitraries.strings().withChars("abc._\"\\é").ofMinLength(0).ofMaxLength(4),
        Arbitraries.of(DTYPES), dim.list().ofMaxSize(3), off, off).as(Entry::new);
    return entry.list().ofMaxSize(4);
  }

  @Property(tries = 1000, seed = "20261202")
  void generatedHeadersFailCleanly(@ForAll("headers") List<Entry> entries,
      @ForAll("dataLength") int dataLength, @ForAll boolean metadata) throws IOException {
    StringBuilder sb = new StringBuilder("{");
    if (metadata) {
      sb.append("\"__metadata__\":{\"format\":\"pt\"}");
    }
    for (Entry e : entries) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      SafetensorsWriter.appendString(sb, e.name());
      sb.append(":{\"dtype\":\"").append(e.dtype()).append("\",\"shape\":")
          .append(e.shape().toString().replace(" ", "")).append(",\"data_offsets\":[")
          .append(e.begin()).append(',').append(e.end()).append("]}");
    }
    sb.append('}');
    check(RawFiles.bytes(sb.toString(), new byte[dataLength]));
  }

  @Provide
  Arbitrary<Integer> dataLength() {
    return Arbitraries.integers().between(0, 80);
  }

  @Property(tries = 1000, seed = "20261203")
  void arbitraryBytesFailCleanly(@ForAll("prefixes") long headerLength,
      @ForAll("junk") byte[] rest) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(headerLength).put(rest);
    check(b.array());
  }

  @Provide
  Arbitrary<Long> prefixes() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 64), Arbitraries.longs());
  }

  @Provide
  Arbitrary<byte[]> junk() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
        Arbitraries.strings().withChars("{}[]\":,0123456789-eE.FIUBOL_ adtypshoffse").ofMaxLength(64)
            .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static void check(byte[] bytes) throws IOException {
    CASES.incrementAndGet();
    Path p = Files.createTempFile(dir, "case", ".safetensors");
    Files.write(p, bytes);
    try (SafetensorsFile f = SafetensorsFile.open(p)) {
      // accepted: every tensor must now be readable without any exception
      for (String name : f.names()) {
        TensorInfo info = f.info(name);
        assertThat(f.rawBytes(name).remaining()).isEqualTo(info.byteLength());
        assertThat(f.readFloats(name)).hasSize((int) info.numel());
      }
      ACCEPTED.incrementAndGet();
    } catch (MalformedSafetensorsException expected) {
      assertThat(expected.getMessage()).contains(p.getFileName().toString());
    } finally {
      Files.delete(p);
    }
  }
}
