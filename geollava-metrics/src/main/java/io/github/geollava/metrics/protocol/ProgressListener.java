package io.github.geollava.metrics.protocol;

/** Receives progress of an evaluation, stage by stage (the CLI draws a progress bar from it). */
public interface ProgressListener {

  /** Does nothing. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void stage(String name, long total) {}

        @Override
        public void step(long done) {}
      };

  /** A new stage with {@code total} steps begins. */
  void stage(String name, long total);

  /** {@code done} more steps of the current stage are finished (may be called from many threads). */
  void step(long done);
}
