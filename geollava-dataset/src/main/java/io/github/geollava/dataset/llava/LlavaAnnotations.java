package io.github.geollava.dataset.llava;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.geollava.dataset.fmow.AtomicFiles;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PushbackInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads and writes LLaVA annotation files, streaming: a JSON array (what LLaVA training scripts load)
 * or JSONL (one record per line, good for appending and for very large sets). Reading detects the
 * form from the first non-blank character. Writes are atomic. Errors name the file and the line, and
 * the record id once it is known.
 */
public final class LlavaAnnotations {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final ObjectWriter RECORD_WRITER = MAPPER.writerFor(LlavaConversation.class);

  /** The two file forms. */
  public enum Format {
    /** A single JSON array of records. */
    JSON,
    /** One JSON record per line. */
    JSONL;

    /**
     * The form a file name suggests: {@code .jsonl} or {@code .ndjson} is JSONL, anything else JSON.
     *
     * @param file the file
     * @return the form
     */
    public static Format of(Path file) {
      String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
      return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? JSONL : JSON;
    }
  }

  private LlavaAnnotations() {}

  /**
   * Reads every record of a JSON array or JSONL file.
   *
   * @param file the file
   * @return the records, in file order
   * @throws IOException naming the file, line and record id when a record is invalid
   */
  public static List<LlavaConversation> read(Path file) throws IOException {
    List<LlavaConversation> out = new ArrayList<>();
    stream(file, out::add);
    return out;
  }

  /**
   * Streams the records of a JSON array or JSONL file, holding one record at a time.
   *
   * @param file the file
   * @param sink receives each record
   * @throws IOException naming the file, line and record id when a record is invalid
   */
  public static void stream(Path file, Consumer<LlavaConversation> sink) throws IOException {
    try (PushbackInputStream in =
        new PushbackInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)), 4)) {
      int c = firstNonBlank(in);
      if (c == -1) {
        return;
      }
      in.unread(c);
      if (c == '[') {
        streamArray(file, in, sink);
      } else {
        streamLines(file, in, sink);
      }
    }
  }

  private static int firstNonBlank(PushbackInputStream in) throws IOException {
    int c;
    do {
      c = in.read();
      if (c == 0xEF) {
        // UTF-8 byte order mark: skip its two remaining bytes.
        in.read();
        in.read();
        c = in.read();
      }
    } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
    return c;
  }

  private static void streamArray(Path file, InputStream in, Consumer<LlavaConversation> sink)
      throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      int index = 0;
      try {
        if (p.nextToken() != JsonToken.START_ARRAY) {
          throw new LlavaFormatException(file + ": expected a JSON array of records", null);
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            throw new LlavaFormatException(file + ": unterminated JSON array", null);
          }
          JsonLocation at = p.currentTokenLocation();
          if (t != JsonToken.START_OBJECT) {
            throw new LlavaFormatException(
                file + ": line " + at.getLineNr() + ": record " + index + ": expected an object, found "
                    + t, null);
          }
          JsonNode node = MAPPER.readTree(p);
          sink.accept(convert(node, file + ": line " + at.getLineNr() + ": record " + index));
          index++;
        }
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        throw new LlavaFormatException(
            file + ": line " + (at == null ? "?" : at.getLineNr()) + ": record " + index
                + ": invalid JSON: " + e.getOriginalMessage(), e);
      }
    }
  }

  private static void streamLines(Path file, InputStream in, Consumer<LlavaConversation> sink)
      throws IOException {
    BufferedReader r = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    String text;
    int line = 0;
    while ((text = r.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        throw new LlavaFormatException(
            file + ": line " + line + ": invalid JSON: " + e.getOriginalMessage(), e);
      }
      sink.accept(convert(node, file + ": line " + line));
    }
  }

  private static LlavaConversation convert(JsonNode node, String where)
      throws LlavaFormatException {
    JsonNode id = node.get("id");
    String named = id == null || id.isNull() ? where : where + " (id '" + id.asText() + "')";
    if (!node.isObject()) {
      throw new LlavaFormatException(named + ": expected a JSON object", null);
    }
    try {
      return MAPPER.treeToValue(node, LlavaConversation.class);
    } catch (JsonProcessingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
      throw new LlavaFormatException(named + ": " + why, e);
    } catch (IllegalArgumentException e) {
      throw new LlavaFormatException(named + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes records atomically in the given form.
   *
   * @param file the file to create or replace
   * @param format JSON array or JSONL
   * @param records the records
   * @throws IOException when writing fails (the file is then untouched)
   */
  public static void write(Path file, Format format, Iterable<LlavaConversation> records)
      throws IOException {
    try (ConversationWriter w = open(file, format)) {
      for (LlavaConversation c : records) {
        w.write(c);
      }
      w.commit();
    }
  }

  /**
   * Writes records atomically in the form {@link Format#of(Path)} suggests.
   *
   * @param file the file to create or replace
   * @param records the records
   * @throws IOException when writing fails
   */
  public static void write(Path file, Iterable<LlavaConversation> records) throws IOException {
    write(file, Format.of(file), records);
  }

  /**
   * Opens a streaming writer; nothing is visible at {@code file} before
   * {@link ConversationWriter#commit()}.
   *
   * @param file the file to create or replace
   * @param format JSON array or JSONL
   * @return the writer
   * @throws IOException when the temporary file cannot be created
   */
  public static ConversationWriter open(Path file, Format format) throws IOException {
    return new ConversationWriter(AtomicFiles.open(file), format);
  }

  /** Streams records into an annotation file; one record in memory at a time. */
  public static final class ConversationWriter implements Closeable {
    private final AtomicFiles.Pending pending;
    private final Format format;
    private final Writer out;
    private long count;

    private ConversationWriter(AtomicFiles.Pending pending, Format format) throws IOException {
      this.pending = pending;
      this.format = format;
      this.out = new OutputStreamWriter(pending.stream(), StandardCharsets.UTF_8);
      if (format == Format.JSON) {
        out.write('[');
      }
    }

    /**
     * Writes one record.
     *
     * @param record the record
     * @throws IOException when writing fails
     */
    public void write(LlavaConversation record) throws IOException {
      String json = RECORD_WRITER.writeValueAsString(record);
      if (format == Format.JSON) {
        out.write(count == 0 ? "\n  " : ",\n  ");
      }
      out.write(json);
      if (format == Format.JSONL) {
        out.write('\n');
      }
      count++;
    }

    /**
     * The number of records written so far.
     *
     * @return the count
     */
    public long count() {
      return count;
    }

    /**
     * Finishes and publishes the file.
     *
     * @throws IOException when flushing or renaming fails
     */
    public void commit() throws IOException {
      if (format == Format.JSON) {
        out.write(count == 0 ? "]\n" : "\n]\n");
      }
      out.flush();
      pending.commit();
    }

    /** Discards the file unless {@link #commit()} ran. */
    @Override
    public void close() throws IOException {
      pending.close();
    }
  }
}
