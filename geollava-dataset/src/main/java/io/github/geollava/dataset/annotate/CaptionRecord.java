package io.github.geollava.dataset.annotate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caption, one line of a captions JSONL file (the {@link BatchAnnotator} checkpoint, or captions
 * made elsewhere): {@code {"id", "video", "caption"}}, at least one of {@code id} and {@code video}.
 *
 * @param id the record id, e.g. {@code airport_hangar_23_6-airport_hangar_23_2}; may be null
 * @param video the video name, e.g. {@code airport_hangar_23_6-airport_hangar_23_2.mp4}; may be null
 * @param caption the caption text
 */
@JsonPropertyOrder({"id", "video", "caption"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaptionRecord(
    @JsonProperty("id") String id,
    @JsonProperty("video") String video,
    @JsonProperty("caption") String caption) {

  private static final Logger LOG = LoggerFactory.getLogger(CaptionRecord.class);
  static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Checks that the record has a key and a caption. */
  public CaptionRecord {
    if ((id == null || id.isBlank()) && (video == null || video.isBlank())) {
      throw new IllegalArgumentException("id: a caption record needs an id or a video name");
    }
    if (caption == null) {
      throw new IllegalArgumentException(
          "caption: missing in record '" + (id != null ? id : video) + "'");
    }
  }

  /**
   * The join key: the video name when present, else {@code id + ".mp4"}.
   *
   * @return the video name
   */
  public String videoKey() {
    return video != null && !video.isBlank() ? video : id + ".mp4";
  }

  /**
   * This record as one JSON line (no line break).
   *
   * @return the JSON text
   */
  public String toJsonLine() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise caption record " + id, e);
    }
  }

  /**
   * Reads a captions JSONL file. A last line without its line break that does not parse is the trace
   * of an interrupted append: it is ignored with a warning. Any other bad line is an error.
   *
   * @param file the file
   * @return the records, in file order
   * @throws IOException naming the file and line of a bad record
   */
  public static List<CaptionRecord> readJsonl(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<CaptionRecord> out = new ArrayList<>();
    int start = 0;
    int line = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      boolean complete = nl >= 0;
      String s = complete ? text.substring(start, nl) : text.substring(start);
      line++;
      start = complete ? nl + 1 : text.length();
      if (s.isBlank()) {
        continue;
      }
      try {
        out.add(MAPPER.readValue(s, CaptionRecord.class));
      } catch (JsonProcessingException e) {
        if (!complete) {
          LOG.warn("{}: line {}: ignoring a truncated last record (an interrupted append)", file, line);
          break;
        }
        Throwable root = e;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        throw new IOException(file + ": line " + line + ": " + why, e);
      }
    }
    return out;
  }
}
