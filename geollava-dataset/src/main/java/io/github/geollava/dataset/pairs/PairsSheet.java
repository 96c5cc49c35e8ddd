package io.github.geollava.dataset.pairs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.geollava.dataset.fmow.AtomicFiles;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The authors' pairs sheet: CSV with the columns {@link #COLUMNS} in that order (RFC 4180 quoting,
 * {@code \n} line ends, UTF-8), and JSONL of the same records with the column names as keys. Both are
 * written atomically; the streaming {@link Writer} holds nothing in memory.
 */
public final class PairsSheet {

  /** The CSV columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "category", "location_id", "image1", "timestamp1", "image_path1", "image2", "timestamp2",
          "image_path2");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter ROW_WRITER = MAPPER.writerFor(PairRow.class);

  private PairsSheet() {}

  /**
   * Writes pairs to a CSV and a JSONL file at once, atomically.
   *
   * @param csv the CSV file, or null to skip it
   * @param jsonl the JSONL file, or null to skip it
   * @param pairs the pairs, written in iteration order
   * @throws IOException when writing fails (the targets are then untouched)
   */
  public static void write(Path csv, Path jsonl, Iterable<TemporalPair> pairs) throws IOException {
    try (SheetWriter w = open(csv, jsonl)) {
      for (TemporalPair p : pairs) {
        w.write(p);
      }
      w.commit();
    }
  }

  /**
   * Opens a streaming writer; call {@link SheetWriter#commit()} to publish both files.
   *
   * @param csv the CSV file, or null to skip it
   * @param jsonl the JSONL file, or null to skip it
   * @return the writer
   * @throws IOException when the temporary files cannot be created
   */
  public static SheetWriter open(Path csv, Path jsonl) throws IOException {
    if (csv == null && jsonl == null) {
      throw new IllegalArgumentException("csv and jsonl: at least one output file is required");
    }
    return new SheetWriter(csv, jsonl);
  }

  /**
   * Quotes one CSV field when needed (comma, quote, CR or LF inside), doubling inner quotes.
   *
   * @param field the raw text
   * @return the CSV field
   */
  public static String csvField(String field) {
    boolean quote = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  /**
   * Reads a pairs CSV written by this class (or by the authors' scripts with the same columns).
   *
   * @param csv the file
   * @return the rows, in file order
   * @throws IOException naming the file and line when the header or a row is malformed
   */
  public static List<PairRow> readCsv(Path csv) throws IOException {
    List<PairRow> rows = new ArrayList<>();
    readCsv(csv, rows::add);
    return rows;
  }

  /**
   * Streams the rows of a pairs CSV.
   *
   * @param csv the file
   * @param sink receives each row
   * @throws IOException naming the file and line when the header or a row is malformed
   */
  public static void readCsv(Path csv, Consumer<PairRow> sink) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      CsvRecords records = new CsvRecords(r);
      List<String> header = records.next();
      if (header == null) {
        throw new IOException(csv + ": empty file, expected the header " + String.join(",", COLUMNS));
      }
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      if (!header.equals(COLUMNS)) {
        throw new IOException(
            csv + ": line 1: expected the header " + String.join(",", COLUMNS) + ", found "
                + String.join(",", header));
      }
      List<String> f;
      while (true) {
        int line = records.line();
        f = records.next();
        if (f == null) {
          break;
        }
        if (f.size() == 1 && f.get(0).isEmpty()) {
          continue;
        }
        if (f.size() != COLUMNS.size()) {
          throw new IOException(
              csv + ": line " + line + ": expected " + COLUMNS.size() + " fields, found " + f.size());
        }
        sink.accept(new PairRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6),
            f.get(7)));
      }
    }
  }

  /**
   * Reads a pairs JSONL file.
   *
   * @param jsonl the file
   * @return the rows, in file order
   * @throws IOException naming the file and line when a line is not a valid row
   */
  public static List<PairRow> readJsonl(Path jsonl) throws IOException {
    List<PairRow> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = r.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        try {
          rows.add(MAPPER.readValue(text, PairRow.class));
        } catch (JsonProcessingException e) {
          throw new IOException(jsonl + ": line " + line + ": " + e.getOriginalMessage(), e);
        }
      }
    }
    return rows;
  }

  /** Streams rows into the CSV and JSONL files; publishes both on {@link #commit()}. */
  public static final class SheetWriter implements Closeable {
    private final AtomicFiles.Pending csv;
    private final AtomicFiles.Pending jsonl;
    private final Writer csvOut;
    private final Writer jsonlOut;
    private long rows;

    private SheetWriter(Path csvPath, Path jsonlPath) throws IOException {
      AtomicFiles.Pending c = csvPath == null ? null : AtomicFiles.open(csvPath);
      AtomicFiles.Pending j;
      try {
        j = jsonlPath == null ? null : AtomicFiles.open(jsonlPath);
      } catch (IOException e) {
        if (c != null) {
          c.close();
        }
        throw e;
      }
      this.csv = c;
      this.jsonl = j;
      this.csvOut = c == null ? null : new OutputStreamWriter(c.stream(), StandardCharsets.UTF_8);
      this.jsonlOut = j == null ? null : new OutputStreamWriter(j.stream(), StandardCharsets.UTF_8);
      if (csvOut != null) {
        csvOut.write(String.join(",", COLUMNS));
        csvOut.write('\n');
      }
    }

    /**
     * Writes one pair.
     *
     * @param pair the pair
     * @throws IOException when writing fails
     */
    public void write(TemporalPair pair) throws IOException {
      write(PairRow.of(pair));
    }

    /**
     * Writes one row.
     *
     * @param row the row
     * @throws IOException when writing fails
     */
    public void write(PairRow row) throws IOException {
      if (csvOut != null) {
        String[] f = {
          row.category(), row.locationId(), row.image1(), row.timestamp1(), row.imagePath1(),
          row.image2(), row.timestamp2(), row.imagePath2()
        };
        for (int i = 0; i < f.length; i++) {
          if (i > 0) {
            csvOut.write(',');
          }
          csvOut.write(csvField(f[i]));
        }
        csvOut.write('\n');
      }
      if (jsonlOut != null) {
        jsonlOut.write(ROW_WRITER.writeValueAsString(row));
        jsonlOut.write('\n');
      }
      rows++;
    }

    /**
     * The number of rows written so far.
     *
     * @return the count
     */
    public long rows() {
      return rows;
    }

    /**
     * Publishes both files.
     *
     * @throws IOException when flushing or renaming fails
     */
    public void commit() throws IOException {
      if (csvOut != null) {
        csvOut.flush();
        csv.commit();
      }
      if (jsonlOut != null) {
        jsonlOut.flush();
        jsonl.commit();
      }
    }

    /** Discards whatever was not committed. */
    @Override
    public void close() throws IOException {
      try {
        if (csv != null) {
          csv.close();
        }
      } finally {
        if (jsonl != null) {
          jsonl.close();
        }
      }
    }
  }

  /** A minimal RFC 4180 record reader: quoted fields may hold commas, quotes and line breaks. */
  private static final class CsvRecords {
    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    CsvRecords(Reader in) {
      this.in = in;
    }

    int line() {
      return line;
    }

    private int read() throws IOException {
      if (peeked != -2) {
        int c = peeked;
        peeked = -2;
        return c;
      }
      return in.read();
    }

    List<String> next() throws IOException {
      int c = read();
      if (c == -1) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder sb = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        if (quoted) {
          if (c == -1) {
            throw new IOException("line " + line + ": unterminated quoted field");
          }
          if (c == '"') {
            int n = read();
            if (n == '"') {
              sb.append('"');
            } else {
              quoted = false;
              c = n;
              continue;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            sb.append((char) c);
          }
        } else if (c == '"' && sb.length() == 0 && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == ',') {
          fields.add(sb.toString());
          sb.setLength(0);
          wasQuoted = false;
        } else if (c == '\n' || c == '\r' || c == -1) {
          if (c == '\r') {
            int n = read();
            if (n != '\n') {
              peeked = n;
            }
          }
          if (c != -1) {
            line++;
          }
          fields.add(sb.toString());
          return fields;
        } else {
          sb.append((char) c);
        }
        c = read();
      }
    }
  }
}
