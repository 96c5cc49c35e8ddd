package io.github.geollava.dataset.synth;

import io.github.geollava.dataset.fmow.AtomicFiles;
import io.github.geollava.dataset.fmow.BoundingBox;
import io.github.geollava.dataset.fmow.FmowMetadata;
import io.github.geollava.dataset.fmow.FmowTimestamps;
import io.github.geollava.dataset.synth.Geo.Rect;
import io.github.geollava.dataset.synth.SimulatedLocation.Acquisition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the acquisitions of one location and writes them as fMoW JPEG + {@code _rgb.json}. */
final class LocationWriter {
  private LocationWriter() {}

  /** The rendered pixels of one acquisition, its canonical labels and cloud share. */
  record Rendered(int[] rgb, byte[] labels, int cloudPercent) {}

  static String stem(SimulatedLocation loc, Acquisition a) {
    return loc.profile().locationName() + "_" + a.number();
  }

  static String relativeDir(SimulatedLocation loc) {
    return loc.profile().category().fmowName() + "/" + loc.profile().locationName();
  }

  /** Renders every acquisition of a location (one texture computation shared by all). */
  static Rendered[] render(SimulatedLocation loc, int size) {
    Canvas c = new Canvas(size);
    SceneRenderer.Textures t = new SceneRenderer.Textures(loc.profile().textureSeed(), c.w, size);
    List<Acquisition> acqs = loc.acquisitions();
    Rendered[] out = new Rendered[acqs.size()];
    for (Acquisition a : acqs) {
      SceneRenderer.render(c, t, loc.profile(), loc.plan(), a.state(), a.nuisance().sunAzimuth(),
          a.nuisance().sunElevation());
      Photometry.Acquired px = Photometry.apply(c, a.nuisance());
      out[a.order()] = new Rendered(px.rgb(), c.cropLabels(), px.cloudPercent());
    }
    return out;
  }

  /**
   * Writes a location's images and metadata.
   *
   * @return cloud cover percentage per acquisition, indexed by time order
   */
  static int[] write(Path root, String split, SimulatedLocation loc, int size, float quality)
      throws IOException {
    Path dir = root.resolve(split).resolve(loc.profile().category().fmowName())
        .resolve(loc.profile().locationName());
    Rendered[] rendered = render(loc, size);
    int[] cloud = new int[rendered.length];
    for (Acquisition a : loc.acquisitions()) {
      Rendered r = rendered[a.order()];
      cloud[a.order()] = r.cloudPercent();
      String stem = stem(loc, a);
      AtomicFiles.write(dir.resolve(stem + "_rgb.jpg"), JpegCodec.encode(r.rgb(), size, quality));
      metadata(loc, a, size, r.cloudPercent(), stem + "_rgb.jpg").write(
          dir.resolve(stem + "_rgb.json"));
    }
    return cloud;
  }

  static FmowMetadata metadata(SimulatedLocation loc, Acquisition a, int size, int cloudPercent,
      String fileName) {
    LocationProfile p = loc.profile();
    Nuisance n = a.nuisance();
    Rect f = loc.plan().focus();
    int x0 = toImage(f.x0(), size, n.zoom(), n.shiftX());
    int x1 = toImage(f.x1(), size, n.zoom(), n.shiftX());
    int y0 = toImage(f.y0(), size, n.zoom(), n.shiftY());
    int y1 = toImage(f.y1(), size, n.zoom(), n.shiftY());
    BoundingBox box = new BoundingBox(p.index() * 10L + 1, x0, y0, Math.max(1, x1 - x0),
        Math.max(1, y1 - y0), p.category().fmowName(), true);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("off_nadir_angle_dbl", round(n.offNadir(), 4));
    extra.put("sun_azimuth_dbl", round((n.sunAzimuth() + 360) % 360, 4));
    extra.put("sun_elevation_dbl", round(n.sunElevation(), 4));
    extra.put("lat", p.lat());
    extra.put("lon", p.lon());
    extra.put("synthetic", true);
    return new FmowMetadata(fileName, size, size, FmowTimestamps.format(a.timestamp()),
        round(p.baseGsd() / n.zoom(), 4), (double) cloudPercent, p.country().name(), p.utm(),
        a.order() % 2 == 0 ? "Forward" : "Reverse", List.of(box), extra);
  }

  private static int toImage(double u, int size, double zoom, int shift) {
    int v = (int) Math.round((u - 0.5) * size * zoom + size / 2.0 + shift);
    return Math.max(0, Math.min(size, v));
  }

  private static double round(double v, int digits) {
    double f = StrictMath.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
