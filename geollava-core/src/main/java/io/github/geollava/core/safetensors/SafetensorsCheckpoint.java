package io.github.geollava.core.safetensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A checkpoint: one safetensors file, or a folder holding {@code model.safetensors} or a sharded
 * checkpoint described by {@code model.safetensors.index.json} (Hugging Face's layout), seen as one
 * name space of tensors.
 *
 * <p>All shards are opened and validated up front (headers only; data stays lazy), and every tensor the
 * index lists must be in the shard it names.
 */
public final class SafetensorsCheckpoint implements AutoCloseable {

  /** The single-file name inside a model folder. */
  public static final String SINGLE_FILE = "model.safetensors";

  /** The index of a sharded checkpoint. */
  public static final String INDEX_FILE = "model.safetensors.index.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final Path source;
  private final List<SafetensorsFile> files;
  private final Map<String, SafetensorsFile> owner;
  private final Map<String, String> metadata;

  private SafetensorsCheckpoint(Path source, List<SafetensorsFile> files,
      Map<String, SafetensorsFile> owner, Map<String, String> metadata) {
    this.source = source;
    this.files = files;
    this.owner = owner;
    this.metadata = metadata;
  }

  /**
   * Opens a checkpoint.
   *
   * @param fileOrDir a {@code .safetensors} file, an index file, or a folder with
   *     {@code model.safetensors.index.json} (preferred) or {@code model.safetensors}, or else exactly
   *     one {@code *.safetensors} file
   * @return the open checkpoint; close it when done
   * @throws NoSuchFileException if the path or the expected files do not exist
   * @throws IOException if a file cannot be read
   * @throws MalformedSafetensorsException if a file or the index breaks the format
   */
  public static SafetensorsCheckpoint open(Path fileOrDir)
      throws IOException, MalformedSafetensorsException {
    if (Files.isDirectory(fileOrDir)) {
      Path index = fileOrDir.resolve(INDEX_FILE);
      if (Files.isRegularFile(index)) {
        return openIndex(index);
      }
      Path single = fileOrDir.resolve(SINGLE_FILE);
      if (Files.isRegularFile(single)) {
        return openSingle(single);
      }
      List<Path> candidates;
      try (Stream<Path> s = Files.list(fileOrDir)) {
        candidates = s.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted()
            .toList();
      }
      if (candidates.size() == 1) {
        return openSingle(candidates.get(0));
      }
      throw new NoSuchFileException(fileOrDir.toString(), null,
          "folder has no " + INDEX_FILE + " or " + SINGLE_FILE + " and " + candidates.size()
              + " other .safetensors files (need exactly one)");
    }
    if (!Files.exists(fileOrDir)) {
      throw new NoSuchFileException(fileOrDir.toString());
    }
    if (fileOrDir.getFileName().toString().endsWith(".index.json")) {
      return openIndex(fileOrDir);
    }
    return openSingle(fileOrDir);
  }

  private static SafetensorsCheckpoint openSingle(Path file)
      throws IOException, MalformedSafetensorsException {
    SafetensorsFile f = SafetensorsFile.open(file);
    Map<String, SafetensorsFile> owner = new TreeMap<>();
    for (String name : f.names()) {
      owner.put(name, f);
    }
    return new SafetensorsCheckpoint(file, List.of(f), owner, f.metadata());
  }

  private static SafetensorsCheckpoint openIndex(Path index)
      throws IOException, MalformedSafetensorsException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(index));
    } catch (JsonProcessingException e) {
      throw new MalformedSafetensorsException(index, null,
          "index is not well-formed JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("weight_map").isObject()) {
      throw new MalformedSafetensorsException(index, null,
          "index must be a JSON object with a \"weight_map\" object");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    JsonNode meta = root.path("metadata");
    if (meta.isObject()) {
      meta.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
    }
    Path dir = index.toAbsolutePath().getParent();
    Map<String, SafetensorsFile> byShard = new LinkedHashMap<>();
    Map<String, SafetensorsFile> owner = new TreeMap<>();
    List<SafetensorsFile> opened = new ArrayList<>();
    try {
      Iterator<Map.Entry<String, JsonNode>> it = root.get("weight_map").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String tensor = e.getKey();
        if (!e.getValue().isTextual()) {
          throw new MalformedSafetensorsException(index, tensor,
              "weight_map value must be a shard file name, found " + e.getValue());
        }
        String shardName = e.getValue().textValue();
        Path shard = dir.resolve(shardName).normalize();
        if (!shard.getParent().equals(dir.normalize())) {
          throw new MalformedSafetensorsException(index, tensor,
              "shard '" + shardName + "' is not a file name in the index's folder");
        }
        SafetensorsFile f = byShard.get(shardName);
        if (f == null) {
          f = SafetensorsFile.open(shard);
          opened.add(f);
          byShard.put(shardName, f);
        }
        if (!f.contains(tensor)) {
          throw new MalformedSafetensorsException(index, tensor,
              "index places the tensor in " + shardName + ", which does not hold it");
        }
        owner.put(tensor, f);
      }
    } catch (IOException | MalformedSafetensorsException | RuntimeException e) {
      for (SafetensorsFile f : opened) {
        f.close();
      }
      throw e;
    }
    return new SafetensorsCheckpoint(index, List.copyOf(opened), owner,
        Collections.unmodifiableMap(metadata));
  }

  /** The file, index or folder file this checkpoint was opened from. */
  public Path source() {
    return source;
  }

  /** The open files (one, or the shards in index order). */
  public List<SafetensorsFile> files() {
    return files;
  }

  /** All tensor names, sorted. */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(owner.keySet()));
  }

  /** Whether the checkpoint holds a tensor of this name. */
  public boolean contains(String name) {
    return owner.containsKey(name);
  }

  /**
   * The metadata: the file's {@code __metadata__} for a single file, the index's {@code metadata}
   * (values as text, e.g. {@code total_size}) for a sharded checkpoint.
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** A tensor's header entry (offsets relative to its own shard's data area). */
  public TensorInfo info(String name) {
    return file(name).info(name);
  }

  /** A tensor's elements as floats; see {@link SafetensorsFile#readFloats(String)}. */
  public float[] readFloats(String name) {
    return file(name).readFloats(name);
  }

  /** A tensor's bytes; see {@link SafetensorsFile#rawBytes(String)}. */
  public ByteBuffer rawBytes(String name) {
    return file(name).rawBytes(name);
  }

  /** A tensor as an NDArray; see {@link SafetensorsFile#load(String, NDManager)}. */
  public NDArray load(String name, NDManager manager) {
    return file(name).load(name, manager);
  }

  private SafetensorsFile file(String name) {
    SafetensorsFile f = owner.get(name);
    if (f == null) {
      throw new IllegalArgumentException(
          "no tensor '" + name + "' in checkpoint " + source + " (" + owner.size() + " tensors)");
    }
    return f;
  }

  /** Closes every shard. */
  @Override
  public void close() throws IOException {
    IOException first = null;
    for (SafetensorsFile f : files) {
      try {
        f.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
