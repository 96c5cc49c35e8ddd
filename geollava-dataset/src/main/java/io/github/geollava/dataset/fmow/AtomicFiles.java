package io.github.geollava.dataset.fmow;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic file output for every writer of the dataset module: bytes go to a temporary file in the
 * target's own directory (same file system, so the rename is atomic) and replace the target only once
 * they are complete. A reader never sees half a file, and a crash leaves the old file in place.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes the body of a file; may throw {@link IOException}. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the whole content.
     *
     * @param out the stream of the temporary file (buffered; closing it is not required)
     * @throws IOException when writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} atomically.
   *
   * @param target the file to create or replace; its parent folder is created when missing
   * @param body writes the content
   * @throws IOException when writing or renaming fails (the target is then untouched)
   */
  public static void write(Path target, Body body) throws IOException {
    try (Pending pending = open(target)) {
      body.writeTo(pending.stream());
      pending.commit();
    }
  }

  /**
   * Writes {@code bytes} to {@code target} atomically.
   *
   * @param target the file to create or replace
   * @param bytes the content
   * @throws IOException when writing or renaming fails
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /**
   * Opens a temporary file next to {@code target} for streaming output; {@link Pending#commit()}
   * renames it over the target, {@link Pending#close()} without a commit discards it.
   *
   * @param target the file to create or replace
   * @return the pending output
   * @throws IOException when the temporary file cannot be created
   */
  public static Pending open(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    return new Pending(target, tmp);
  }

  /** A temporary file waiting to replace its target. Not thread-safe. */
  public static final class Pending implements Closeable {
    private final Path target;
    private final Path tmp;
    private final OutputStream out;
    private boolean done;

    private Pending(Path target, Path tmp) throws IOException {
      this.target = target;
      this.tmp = tmp;
      this.out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
    }

    /**
     * The buffered stream of the temporary file.
     *
     * @return the stream to write to
     */
    public OutputStream stream() {
      if (done) {
        throw new IllegalStateException("atomic output for " + target + " is already closed");
      }
      return out;
    }

    /**
     * Flushes, closes and renames the temporary file over the target.
     *
     * @throws IOException when flushing or renaming fails
     */
    public void commit() throws IOException {
      if (done) {
        throw new IllegalStateException("atomic output for " + target + " is already closed");
      }
      done = true;
      try {
        out.close();
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          // Same directory, so this only happens on exotic file systems: fall back to a plain replace.
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }

    /** Discards the temporary file unless {@link #commit()} ran. */
    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      try {
        out.close();
      } catch (IOException | UncheckedIOException e) {
        // The file is being discarded: a failed close changes nothing for the caller.
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
