package io.github.geollava.examples.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only {@code predictions.jsonl} of an evaluation: one {@link Prediction} per line, written
 * batch by batch, so a run that stops (killed, out of time) keeps what it captioned and the next run
 * resumes after it.
 *
 * <p>A killed process can leave its last line half-written: a final line that does not parse is
 * ignored and cut off before appending; a bad line anywhere else is an error naming its number.
 */
final class PredictionsFile implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(PredictionsFile.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path path;
  private final BufferedWriter out;

  private PredictionsFile(Path path, BufferedWriter out) {
    this.path = path;
    this.out = out;
  }

  /**
   * What an earlier run left.
   *
   * @param predictions the predictions by id, in file order (a later line for an id wins)
   * @param validBytes length of the well-formed part: everything before a truncated last line
   * @param needsNewline whether the well-formed part ends in a complete line without its newline
   */
  record Existing(Map<String, Prediction> predictions, long validBytes, boolean needsNewline) {}

  /**
   * Reads the file if it exists.
   *
   * @param path the file
   * @return its predictions, empty when the file does not exist
   * @throws IOException naming the file and line of a malformed line other than the last
   */
  static Existing read(Path path) throws IOException {
    Map<String, Prediction> byId = new LinkedHashMap<>();
    if (!Files.exists(path)) {
      return new Existing(byId, 0, false);
    }
    byte[] bytes = Files.readAllBytes(path);
    long keep = 0;
    boolean needsNewline = false;
    int start = 0;
    int lineNo = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      lineNo++;
      boolean terminated = end < bytes.length;
      boolean lastLine = !terminated || end + 1 == bytes.length;
      String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (!line.isBlank()) {
        Prediction p = parse(line);
        if (p == null) {
          if (lastLine) {
            LOG.warn("{}: ignoring the truncated last line {}", path, lineNo);
            break;
          }
          throw new IOException(path + " line " + lineNo
              + ": not a prediction ({\"id\", \"reference\", \"candidate\"}); fix or delete the line");
        }
        byId.put(p.id(), p);
      }
      keep = terminated ? end + 1 : end;
      needsNewline = !terminated && !line.isBlank();
      start = end + 1;
    }
    return new Existing(byId, keep, needsNewline);
  }

  /**
   * Opens the file for appending, after cutting off a truncated last line.
   *
   * @param path the file (created if missing, with its folder)
   * @param existing what {@link #read} found
   * @return the writer; close it
   * @throws IOException if the file cannot be opened
   */
  static PredictionsFile append(Path path, Existing existing) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      ch.truncate(existing.validBytes());
      ch.position(existing.validBytes());
      BufferedWriter w = new BufferedWriter(
          new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8));
      if (existing.needsNewline()) {
        w.write('\n');
        w.flush();
      }
      return new PredictionsFile(path, w);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Appends predictions, one line each, and flushes them to the operating system, so a later crash
   * loses at most the line being written.
   *
   * @param predictions the batch
   * @throws IOException if writing fails
   */
  void write(List<Prediction> predictions) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Prediction p : predictions) {
      sb.append(JSON.writeValueAsString(p)).append('\n');
    }
    out.write(sb.toString()); // one write per batch: a kill cuts at most the batch's last line
    out.flush();
  }

  /** The file. */
  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** A prediction, or null if the line is not one. */
  private static Prediction parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.isObject()) {
        return null;
      }
      JsonNode id = n.get("id");
      JsonNode ref = n.get("reference");
      JsonNode cand = n.get("candidate");
      if (id == null || !id.isTextual() || ref == null || !ref.isTextual() || cand == null
          || !cand.isTextual()) {
        return null;
      }
      return new Prediction(id.asText(), ref.asText(), cand.asText());
    } catch (IOException e) {
      return null;
    }
  }
}
