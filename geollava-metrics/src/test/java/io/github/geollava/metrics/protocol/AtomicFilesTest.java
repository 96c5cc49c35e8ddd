package io.github.geollava.metrics.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void replacesTargetOnlyWhenWritingSucceeds(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("sub/out.txt");
    AtomicFiles.write(f, w -> w.write("one"));
    assertThat(Files.readString(f)).isEqualTo("one");
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    f,
                    w -> {
                      w.write("partial");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(f)).isEqualTo("one");
    try (var s = Files.list(f.getParent())) {
      assertThat(s).hasSize(1);
    }
  }
}
