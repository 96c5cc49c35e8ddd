package io.github.geollava.core.video;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.image.ResampleFilter;
import io.github.geollava.core.image.Resampler;
import io.github.geollava.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns frames into the {@code pixel_values_videos} the vision tower expects, step for step as
 * transformers' {@code CLIPImageProcessor} / {@code LlavaNextVideoImageProcessor} do it:
 *
 * <ol>
 *   <li>convert to RGB ({@link RgbImage#from});
 *   <li>resize: the shortest edge to {@code S} with the long edge {@code int(S * long / short)}, or to an
 *       exact height and width, with PIL's resampling ({@link Resampler});
 *   <li>centre crop ({@link RgbImage#centerCrop});
 *   <li>rescale: {@code float32(uint8 * rescale_factor)} computed in double, as numpy does;
 *   <li>normalise: {@code (x - mean) / std} in float32;
 *   <li>channels first: {@code (3, H, W)} per frame, frames stacked to {@code (T, 3, H, W)}.
 * </ol>
 *
 * <p>Thread-safe and stateless apart from its config.
 */
public final class VideoProcessor {

  private final PreprocessorConfig config;
  private final ResampleFilter filter;
  private final float[] mean = new float[3];
  private final float[] std = new float[3];

  private VideoProcessor(PreprocessorConfig config) {
    this.config = config;
    this.filter = ResampleFilter.fromPilCode(config.resample());
    for (int c = 0; c < 3; c++) {
      // numpy casts mean and std to the image's float32 before subtracting and dividing
      mean[c] = config.imageMean().get(c).floatValue();
      std[c] = config.imageStd().get(c).floatValue();
    }
  }

  /** A processor for a config (e.g. {@link PreprocessorConfig#clipDefaults()}). */
  public static VideoProcessor of(PreprocessorConfig config) {
    return new VideoProcessor(Objects.requireNonNull(config, "config"));
  }

  /** The config. */
  public PreprocessorConfig config() {
    return config;
  }

  /**
   * Steps 2 and 3 on one frame: the resized and cropped 8-bit image, before rescaling (what the PIL
   * parity tests compare).
   */
  public RgbImage resizeAndCrop(RgbImage frame) {
    RgbImage img = frame;
    if (config.doResize()) {
      int h = img.height();
      int w = img.width();
      int newH;
      int newW;
      if (config.shortestEdge() != null) {
        // transformers get_resize_output_image_size(default_to_square=False): int() truncates
        int s = config.shortestEdge();
        int shortSide = Math.min(w, h);
        int longSide = Math.max(w, h);
        int newLong = (int) ((double) ((long) s * longSide) / shortSide);
        newW = w <= h ? s : newLong;
        newH = w <= h ? newLong : s;
      } else {
        newH = config.resizeHeight();
        newW = config.resizeWidth();
      }
      img = Resampler.resize(img, newW, newH, filter);
    }
    if (config.doCenterCrop()) {
      img = img.centerCrop(config.cropHeight(), config.cropWidth());
    }
    return img;
  }

  /** Steps 4 to 6 on a resized and cropped frame, into {@code out} at {@code offset}. */
  private void writeFloats(RgbImage img, float[] out, int offset) {
    int h = img.height();
    int w = img.width();
    int plane = h * w;
    byte[] d = img.data();
    float[] lut = new float[256 * 3];
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < 256; v++) {
        float x = config.doRescale() ? (float) (v * config.rescaleFactor()) : v;
        if (config.doNormalize()) {
          x = (x - mean[c]) / std[c];
        }
        lut[c * 256 + v] = x;
      }
    }
    for (int i = 0; i < plane; i++) {
      out[offset + i] = lut[d[3 * i] & 0xff];
      out[offset + plane + i] = lut[256 + (d[3 * i + 1] & 0xff)];
      out[offset + 2 * plane + i] = lut[512 + (d[3 * i + 2] & 0xff)];
    }
  }

  /**
   * Processes 8-bit RGB frames.
   *
   * @return {@code T x 3 x H x W} floats, row-major {@code (T, 3, H, W)}
   * @throws IllegalArgumentException if there are no frames or they end up with different sizes
   */
  public float[] processRgb(List<RgbImage> frames) {
    return processed(frames).data();
  }

  /**
   * Processes frames and reports their processed size.
   *
   * @return {@code (T, 3, H, W)} floats with T, H and W
   */
  public PixelValues pixelValues(List<BufferedImage> frames) {
    List<RgbImage> rgb = new ArrayList<>(frames.size());
    for (BufferedImage f : frames) {
      rgb.add(RgbImage.from(f));
    }
    return processed(rgb);
  }

  private PixelValues processed(List<RgbImage> frames) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a video needs at least one frame");
    }
    List<RgbImage> ready = new ArrayList<>(frames.size());
    for (RgbImage f : frames) {
      ready.add(resizeAndCrop(f));
    }
    int h = ready.get(0).height();
    int w = ready.get(0).width();
    for (int t = 1; t < ready.size(); t++) {
      if (ready.get(t).height() != h || ready.get(t).width() != w) {
        throw new IllegalArgumentException("frame " + t + " is " + ready.get(t).width() + "x"
            + ready.get(t).height() + " after processing but frame 0 is " + w + "x" + h
            + "; enable do_center_crop or give frames of one size");
      }
    }
    int frameSize = 3 * h * w;
    float[] out = new float[frames.size() * frameSize];
    for (int t = 0; t < ready.size(); t++) {
      writeFloats(ready.get(t), out, t * frameSize);
    }
    return new PixelValues(out, frames.size(), h, w);
  }

  /**
   * Processes frames (any BufferedImage type; converted as PIL's {@code convert("RGB")}).
   *
   * @return {@code T x 3 x H x W} floats, row-major {@code (T, 3, H, W)}
   */
  public float[] process(List<BufferedImage> frames) {
    List<RgbImage> rgb = new ArrayList<>(frames.size());
    for (BufferedImage f : frames) {
      rgb.add(RgbImage.from(f));
    }
    return processRgb(rgb);
  }

  /** Processes frames into a {@code (T, 3, H, W)} float32 NDArray of {@code manager}. */
  public NDArray toTensor(List<BufferedImage> frames, NDManager manager) {
    List<RgbImage> rgb = new ArrayList<>(frames.size());
    for (BufferedImage f : frames) {
      rgb.add(RgbImage.from(f));
    }
    return toTensorRgb(rgb, manager);
  }

  /** Like {@link #toTensor}, from 8-bit RGB frames. */
  public NDArray toTensorRgb(List<RgbImage> frames, NDManager manager) {
    PixelValues f = processed(frames);
    return manager.create(f.data(), new Shape(frames.size(), 3, f.height(), f.width())); // (T, 3, H, W)
  }

  /**
   * Processes several videos into one batch, padding shorter videos with zero frames.
   *
   * @return pixel values {@code (B, T, 3, H, W)} with {@code T} the longest video, and a {@code (B, T)}
   *     mask of real frames
   * @throws IllegalArgumentException if the list is empty, a video is empty, or frame sizes differ
   */
  public VideoBatch batch(List<List<BufferedImage>> videos, NDManager manager) {
    if (videos.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one video");
    }
    List<float[]> done = new ArrayList<>();
    int maxT = 0;
    int h = -1;
    int w = -1;
    int[] counts = new int[videos.size()];
    for (int b = 0; b < videos.size(); b++) {
      List<BufferedImage> v = videos.get(b);
      if (v.isEmpty()) {
        throw new IllegalArgumentException("video " + b + " of the batch has no frames");
      }
      List<RgbImage> rgb = new ArrayList<>(v.size());
      for (BufferedImage f : v) {
        rgb.add(RgbImage.from(f));
      }
      PixelValues f = processed(rgb);
      if (h >= 0 && (f.height() != h || f.width() != w)) {
        throw new IllegalArgumentException("video " + b + " has " + f.width() + "x" + f.height()
            + " frames after processing but video 0 has " + w + "x" + h);
      }
      h = f.height();
      w = f.width();
      done.add(f.data());
      counts[b] = v.size();
      maxT = Math.max(maxT, v.size());
    }
    int frameSize = 3 * h * w;
    float[] all = new float[videos.size() * maxT * frameSize];
    boolean[] mask = new boolean[videos.size() * maxT];
    for (int b = 0; b < videos.size(); b++) {
      System.arraycopy(done.get(b), 0, all, b * maxT * frameSize, counts[b] * frameSize);
      for (int t = 0; t < counts[b]; t++) {
        mask[b * maxT + t] = true;
      }
    }
    NDArray pixels = manager.create(all, new Shape(videos.size(), maxT, 3, h, w)); // (B, T, 3, H, W)
    NDArray m = manager.create(mask, new Shape(videos.size(), maxT)); // (B, T)
    return new VideoBatch(pixels, m, counts);
  }
}
