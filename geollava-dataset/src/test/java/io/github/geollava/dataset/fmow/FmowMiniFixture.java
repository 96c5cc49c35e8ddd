package io.github.geollava.dataset.fmow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Generates the committed fixture {@code src/test/resources/fmow-mini}: a miniature fMoW tree whose
 * entries exercise every rule of the scanner and the pair builder (see {@link #ENTRIES}). The fixture
 * is committed so tests never depend on the JPEG encoder of the running JDK; regenerate it with
 * {@code java ... FmowMiniFixture geollava-dataset/src/test/resources/fmow-mini} after changing this
 * table, and update the expectations in the tests.
 */
public final class FmowMiniFixture {

  /** What to write for one entry besides a normal image. */
  enum Kind { NORMAL, MALFORMED_JSON, NO_TIMESTAMP, NO_IMAGE, OVERSIZE, BOXES_OBJECT, WITH_MSRGB }

  /** One image of the fixture. */
  record Entry(String split, String category, String location, int n, String timestamp, Kind kind) {
    String stem() {
      return location + "_" + n;
    }
  }

  /** Oversize images are padded to one byte above the paper's 1,000,000-byte limit. */
  static final int OVERSIZE_BYTES = 1_000_001;

  static final List<Entry> ENTRIES =
      List.of(
          // exactly 365 days kept (6->2), one second short dropped (2->0), fractional seconds (3)
          e("train", "airport_hangar", "airport_hangar_23", 6, "2015-01-10T10:00:00Z", Kind.WITH_MSRGB),
          e("train", "airport_hangar", "airport_hangar_23", 2, "2016-01-10T10:00:00Z", Kind.NORMAL),
          e("train", "airport_hangar", "airport_hangar_23", 0, "2017-01-09T09:59:59Z", Kind.NORMAL),
          e("train", "airport_hangar", "airport_hangar_23", 3, "2017-01-09T10:00:00.500Z", Kind.NORMAL),
          // a single image: no pair
          e("train", "airport_hangar", "airport_hangar_41", 0, "2016-05-05T00:00:00Z", Kind.WITH_MSRGB),
          // leap day; 365 days versus 12 calendar months; bounding_boxes as a single object
          e("train", "crop_field", "crop_field_7", 2, "2015-03-01T08:00:00Z", Kind.NORMAL),
          e("train", "crop_field", "crop_field_7", 1, "2016-02-29T08:00:00Z", Kind.BOXES_OBJECT),
          e("train", "crop_field", "crop_field_7", 0, "2017-02-28T08:00:00Z", Kind.NORMAL),
          e("train", "crop_field", "crop_field_7", 3, "2018-03-01T08:00:00Z", Kind.NORMAL),
          // equal timestamps (1, 2) and the three bad entries
          e("train", "crop_field", "crop_field_12", 0, "2014-05-05T05:05:05Z", Kind.NORMAL),
          e("train", "crop_field", "crop_field_12", 1, "2015-06-01T00:00:00Z", Kind.NORMAL),
          e("train", "crop_field", "crop_field_12", 2, "2015-06-01T00:00:00Z", Kind.NORMAL),
          e("train", "crop_field", "crop_field_12", 3, "2016-07-01T00:00:00Z", Kind.NORMAL),
          e("train", "crop_field", "crop_field_12", 4, "2016-08-01T00:00:00Z", Kind.MALFORMED_JSON),
          e("train", "crop_field", "crop_field_12", 5, null, Kind.NO_TIMESTAMP),
          e("train", "crop_field", "crop_field_12", 6, "2017-09-01T00:00:00Z", Kind.NO_IMAGE),
          // an oversize image between two usable ones
          e("train", "military_facility", "military_facility_4", 0, "2013-01-01T00:00:00Z", Kind.NORMAL),
          e("train", "military_facility", "military_facility_4", 1, "2014-01-15T00:00:00Z", Kind.OVERSIZE),
          e("train", "military_facility", "military_facility_4", 2, "2015-02-01T00:00:00Z", Kind.NORMAL),
          // val: chained and adjacent disagree at military_facility_88
          e("val", "airport_hangar", "airport_hangar_101", 0, "2012-06-16T10:48:37Z", Kind.NORMAL),
          e("val", "airport_hangar", "airport_hangar_101", 1, "2014-06-16T10:48:37Z", Kind.NORMAL),
          e("val", "military_facility", "military_facility_88", 1, "2016-01-01T00:00:00Z", Kind.NORMAL),
          e("val", "military_facility", "military_facility_88", 0, "2016-08-01T00:00:00Z", Kind.NORMAL),
          e("val", "military_facility", "military_facility_88", 2, "2017-08-01T00:00:00.25Z", Kind.NORMAL));

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FmowMiniFixture() {}

  private static Entry e(String split, String cat, String loc, int n, String ts, Kind kind) {
    return new Entry(split, cat, loc, n, ts, kind);
  }

  /**
   * Writes the fixture.
   *
   * @param args the target folder
   * @throws IOException when writing fails
   */
  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "geollava-dataset/src/test/resources/fmow-mini"));
  }

  static void write(Path root) throws IOException {
    for (Entry en : ENTRIES) {
      Path dir = root.resolve(en.split()).resolve(en.category()).resolve(en.location());
      Files.createDirectories(dir);
      Path json = dir.resolve(en.stem() + "_rgb.json");
      Path jpg = dir.resolve(en.stem() + "_rgb.jpg");
      byte[] image = jpeg(en);
      if (en.kind() == Kind.MALFORMED_JSON) {
        // cut off mid-object, as an interrupted download leaves it
        Files.writeString(json, "{\n  \"img_filename\": \"" + en.stem() + "_rgb.jpg\",\n  \"timestamp\": \"");
      } else {
        Files.write(json, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata(en, "_rgb")));
      }
      if (en.kind() == Kind.OVERSIZE) {
        // JPEG decoders stop at the end-of-image marker, so trailing zeros keep a valid image
        image = Arrays.copyOf(image, OVERSIZE_BYTES);
      }
      if (en.kind() != Kind.NO_IMAGE) {
        Files.write(jpg, image);
      }
      if (en.kind() == Kind.WITH_MSRGB) {
        Files.write(dir.resolve(en.stem() + "_msrgb.json"),
            MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata(en, "_msrgb")));
        Files.write(dir.resolve(en.stem() + "_msrgb.jpg"), image);
      }
    }
  }

  private static ObjectNode metadata(Entry en, String suffix) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("img_filename", en.stem() + suffix + ".jpg");
    o.put("img_width", 16);
    o.put("img_height", 16);
    o.put("gsd", 0.5 + 0.125 * en.n());
    o.put("cloud_cover", en.n() * 3);
    o.put("country_code", en.category().startsWith("crop") ? "FRA" : "USA");
    o.put("utm", en.category().startsWith("crop") ? "31U" : "15R");
    o.put("scan_direction", en.n() % 2 == 0 ? "Forward" : "Reverse");
    if (en.timestamp() != null) {
      o.put("timestamp", en.timestamp());
    }
    // fields this SDK does not name: the metadata model must keep them
    o.put("off_nadir_angle_dbl", 12.5 + en.n());
    o.put("sun_elevation_dbl", 40.0 + en.n());
    o.putArray("approximate_wavelengths").add(0.48).add(0.545).add(0.66);
    ObjectNode box = MAPPER.createObjectNode();
    box.put("ID", 1000 + en.n());
    box.putArray("box").add(2).add(3).add(10).add(9);
    box.put("category", en.category());
    box.put("visible", true);
    if (en.kind() == Kind.BOXES_OBJECT) {
      o.set("bounding_boxes", box);
    } else {
      ArrayNode boxes = o.putArray("bounding_boxes");
      boxes.add(box);
    }
    return o;
  }

  /** A 16 x 16 JPEG with a colour gradient that differs per image. */
  private static byte[] jpeg(Entry en) throws IOException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    int seed = (en.location().hashCode() * 31 + en.n()) & 0xffffff;
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        int r = ((seed >> 16) + x * 8) & 0xff;
        int g = ((seed >> 8) + y * 8) & 0xff;
        int b = (seed + (x + y) * 4) & 0xff;
        img.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "jpg", out)) {
      throw new IOException("no JPEG writer in this JDK");
    }
    return out.toByteArray();
  }
}
