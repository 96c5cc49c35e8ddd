package io.github.geollava.core.video;

import io.github.geollava.core.image.ImageLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where frames come from: a list of images (a before/after pair), a folder of images (in file-name
 * order), or an mp4; optionally sampled to {@code n} frames like numpy's {@code linspace}.
 */
public final class VideoFrames {

  /** File extensions read as images. */
  public static final Set<String> IMAGE_EXTENSIONS =
      Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp", "gif");

  private VideoFrames() {}

  /**
   * Reads images as frames, in the given order (upright, RGB).
   *
   * @throws IOException naming the file that cannot be read or decoded
   */
  public static List<BufferedImage> fromImages(List<Path> images) throws IOException {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("a video needs at least one image");
    }
    List<BufferedImage> out = new ArrayList<>(images.size());
    for (Path p : images) {
      out.add(ImageLoader.read(p));
    }
    return out;
  }

  /**
   * Reads a video source: an mp4 file, a folder of images (sorted by file name), or a single image.
   *
   * @param source the file or folder
   * @param n frames to keep ({@code linspace(0, count - 1, n)}), or 0 to keep all
   * @throws NoSuchFileException if the source does not exist
   * @throws IOException naming the file that cannot be decoded
   */
  public static List<BufferedImage> read(Path source, int n) throws IOException {
    if (n < 0) {
      throw new IllegalArgumentException("number of frames must be >= 0, got " + n);
    }
    List<BufferedImage> frames;
    if (Files.isDirectory(source)) {
      List<Path> images;
      try (Stream<Path> s = Files.list(source)) {
        images = s.filter(VideoFrames::isImage).sorted().toList();
      }
      if (images.isEmpty()) {
        throw new NoSuchFileException(source.toString(), null, "folder holds no images ("
            + String.join(", ", IMAGE_EXTENSIONS.stream().sorted().toList()) + ")");
      }
      // sample the paths first so only the kept frames are decoded
      return fromImages(n == 0 ? images : FrameSampler.sample(images, n));
    } else if (!Files.exists(source)) {
      throw new NoSuchFileException(source.toString());
    } else if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")) {
      frames = Mp4Video.readFrames(source);
    } else {
      frames = List.of(ImageLoader.read(source));
    }
    return n == 0 ? frames : FrameSampler.sample(frames, n);
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1)) && Files.isRegularFile(p);
  }
}
