package io.github.geollava.core.train;

import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.geollava.core.safetensors.MalformedSafetensorsException;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checkpoint folders {@code checkpoint-<step>} under a run folder, each holding
 * {@code trainable.safetensors} (the trained parameters by Hugging Face name),
 * {@code optimizer.safetensors} (AdamW's moments) and {@code trainer_state.json}.
 *
 * <p>Atomic: a checkpoint is written into a hidden temporary folder and renamed into place only when
 * complete, so a kill at any moment leaves either the previous set or the new one, never a torn one.
 */
final class Checkpoints {

  static final String PARAMS = "trainable.safetensors";
  static final String OPTIMIZER = "optimizer.safetensors";
  static final String STATE = "trainer_state.json";
  private static final String PREFIX = "checkpoint-";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Checkpoints() {}

  /** Writes a checkpoint and keeps only the newest {@code keep}; returns its folder. */
  static Path save(Path root, TrainerState state, Map<String, Parameter> params, AdamW optimizer, int keep)
      throws IOException {
    Files.createDirectories(root);
    String name = String.format("%s%08d", PREFIX, state.step());
    Path tmp = Files.createTempDirectory(root, ".tmp-" + name + "-");
    try {
      SafetensorsWriter w = SafetensorsWriter.create().metadata("format", "pt");
      params.forEach((k, p) -> w.put(k, p.getArray()));
      w.write(tmp.resolve(PARAMS));
      SafetensorsWriter o = SafetensorsWriter.create().metadata("format", "pt");
      optimizer.save(o);
      o.write(tmp.resolve(OPTIMIZER));
      JSON.writeValue(tmp.resolve(STATE).toFile(), state);
      Path target = root.resolve(name);
      if (Files.exists(target)) {
        deleteTree(target);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target);
      }
      prune(root, keep);
      return target;
    } finally {
      if (Files.exists(tmp)) {
        deleteTree(tmp);
      }
    }
  }

  /** The newest complete checkpoint under {@code root}, if any; stale temporary folders are removed. */
  static Optional<Path> latest(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    for (Path p : list(root, ".tmp-" + PREFIX)) {
      deleteTree(p);
    }
    List<Path> done = list(root, PREFIX);
    done.removeIf(p -> !Files.isRegularFile(p.resolve(STATE)));
    return done.isEmpty() ? Optional.empty() : Optional.of(done.get(done.size() - 1));
  }

  static TrainerState readState(Path checkpoint) throws IOException {
    Path f = checkpoint.resolve(STATE);
    try {
      return JSON.readValue(f.toFile(), TrainerState.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(f + ": malformed trainer state: " + e.getOriginalMessage(), e);
    }
  }

  /** Copies the saved values into the parameters, checking names and shapes. */
  static void restore(Path checkpoint, Map<String, Parameter> params, AdamW optimizer)
      throws IOException, MalformedSafetensorsException {
    try (SafetensorsFile f = SafetensorsFile.open(checkpoint.resolve(PARAMS))) {
      for (Map.Entry<String, Parameter> e : params.entrySet()) {
        if (!f.contains(e.getKey())) {
          throw new IllegalStateException(f.path() + ": no tensor " + e.getKey()
              + "; the checkpoint was written for other trainable parameters");
        }
        long[] shape = f.info(e.getKey()).shape();
        if (!Arrays.equals(shape, e.getValue().getArray().getShape().getShape())) {
          throw new IllegalStateException(f.path() + ": tensor " + e.getKey() + " has shape "
              + Arrays.toString(shape) + " but the parameter has " + e.getValue().getArray().getShape());
        }
        e.getValue().getArray().set(f.readFloats(e.getKey()));
      }
    }
    try (SafetensorsFile f = SafetensorsFile.open(checkpoint.resolve(OPTIMIZER))) {
      optimizer.load(f);
    }
  }

  private static void prune(Path root, int keep) throws IOException {
    List<Path> done = list(root, PREFIX);
    for (int i = 0; i < done.size() - keep; i++) {
      deleteTree(done.get(i));
    }
  }

  private static List<Path> list(Path root, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      List<Path> out = new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith(prefix)
          && Files.isDirectory(p)).toList());
      out.sort(Comparator.comparing(p -> p.getFileName().toString()));
      return out;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
