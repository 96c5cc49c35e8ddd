package io.github.geollava.dataset.fmow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void replacesOnlyWhenComplete(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("out.txt");
    AtomicFiles.write(f, "old".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(f)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void pendingIsInvisibleUntilCommit(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("new/out.txt");
    try (AtomicFiles.Pending p = AtomicFiles.open(f)) {
      p.stream().write('x');
      assertThat(f).doesNotExist();
      p.commit();
      assertThatThrownBy(p::stream).isInstanceOf(IllegalStateException.class);
    }
    assertThat(Files.readString(f)).isEqualTo("x");
  }
}
