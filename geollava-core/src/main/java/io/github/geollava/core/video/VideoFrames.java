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
import java.util.Objects;
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

  /**
   * Resolves an annotation's {@code "video"} field (e.g. {@code airport_0_0-airport_0_2.mp4}) against
   * the folder that holds the videos, for {@link #read(Path, int)}.
   *
   * <p>The field names a file inside {@code videosDir}; sub-folders are allowed. When that file does not
   * exist but a folder of the same name without its extension does ({@code airport_0_0-airport_0_2/}
   * holding one image per frame), the folder is returned, so extracted frames can stand in for the mp4.
   * When neither exists the file's path is returned anyway and {@link #read(Path, int)} raises a
   * {@link NoSuchFileException} naming it: resolving stays cheap and the error comes from the read.
   *
   * @param videosDir the folder of videos
   * @param videoField the annotation's field, relative to {@code videosDir}
   * @return the mp4 (or other source) to read, or the folder of frames that replaces it
   * @throws IllegalArgumentException if the field is blank, absolute, or leaves {@code videosDir}
   *     (through {@code ..})
   */
  public static Path resolve(Path videosDir, String videoField) {
    Objects.requireNonNull(videosDir, "videosDir");
    if (videoField == null || videoField.isBlank()) {
      throw new IllegalArgumentException("video field is missing or blank; expected a file name such as "
          + "'a_0-a_1.mp4' relative to " + videosDir);
    }
    // A leading separator or drive letter is absolute on some platform even where Path says otherwise;
    // annotation files travel between machines, so reject all of them.
    if (videoField.startsWith("/") || videoField.startsWith("\\")
        || videoField.matches("^[A-Za-z]:.*") || Path.of(videoField).isAbsolute()) {
      throw new IllegalArgumentException("video field '" + videoField
          + "' is an absolute path; expected a name relative to the videos folder " + videosDir);
    }
    Path base = videosDir.toAbsolutePath().normalize();
    Path file = base.resolve(videoField.replace('\\', '/')).normalize();
    if (!file.startsWith(base) || file.equals(base)) {
      throw new IllegalArgumentException("video field '" + videoField
          + "' points outside the videos folder " + videosDir + "; '..' may not leave it");
    }
    Path relative = videosDir.resolve(base.relativize(file));
    if (Files.exists(relative)) {
      return relative;
    }
    String name = relative.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      Path frames = relative.resolveSibling(name.substring(0, dot));
      if (Files.isDirectory(frames)) {
        return frames;
      }
    }
    return relative;
  }

  private static boolean isImage(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1)) && Files.isRegularFile(p);
  }
}
