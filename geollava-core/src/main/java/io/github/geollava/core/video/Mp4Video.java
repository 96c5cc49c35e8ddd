package io.github.geollava.core.video;

import io.github.geollava.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.jcodec.scale.AWTUtil;

/**
 * Reads and writes H.264 mp4 videos such as the dataset's two-frame {@code {a}-{b}.mp4} pairs, with
 * jcodec: a pure-Java codec (no native ffmpeg to ship or load, works offline on every platform), whose
 * baseline H.264 encoder and MP4 muxer are enough for short frame sequences. Frames go through YUV 4:2:0,
 * so colours are slightly smoothed; the dataset's own videos are lossy H.264 too. Odd widths or
 * heights are padded to even ones by repeating the last column or row (4:2:0 cannot represent them).
 */
public final class Mp4Video {

  private Mp4Video() {}

  /**
   * Decodes every frame of an mp4.
   *
   * @throws IOException naming the file if it cannot be read or decoded, or has no frames
   */
  public static List<BufferedImage> readFrames(Path mp4) throws IOException {
    List<BufferedImage> frames = new ArrayList<>();
    try (SeekableByteChannel ch = NIOUtils.readableChannel(mp4.toFile())) {
      FrameGrab grab = FrameGrab.createFrameGrab(ch);
      Picture p;
      while ((p = grab.getNativeFrame()) != null) {
        frames.add(AWTUtil.toBufferedImage(p));
      }
    } catch (JCodecException | RuntimeException e) {
      // jcodec signals bad input with JCodecException but also with unchecked exceptions
      throw new IOException("cannot decode video " + mp4 + ": " + e.getMessage(), e);
    }
    if (frames.isEmpty()) {
      throw new IOException("video " + mp4 + " has no frames");
    }
    return frames;
  }

  /**
   * Decodes an mp4 and keeps {@code n} frames at {@code linspace(0, frames - 1, n)}.
   *
   * @throws IOException naming the file if it cannot be decoded
   */
  public static List<BufferedImage> readFrames(Path mp4, int n) throws IOException {
    return FrameSampler.sample(readFrames(mp4), n);
  }

  /**
   * Encodes frames as an H.264 mp4, atomically (temporary file in the same folder, then a rename).
   *
   * @param mp4 the output file
   * @param frames at least one frame, all of one size
   * @param fps frames per second, at least 1
   * @throws IllegalArgumentException if there are no frames, sizes differ or fps is not positive
   * @throws IOException if writing fails
   */
  public static void write(Path mp4, List<BufferedImage> frames, int fps) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a video needs at least one frame");
    }
    if (fps < 1) {
      throw new IllegalArgumentException("fps must be >= 1, got " + fps);
    }
    int w = frames.get(0).getWidth();
    int h = frames.get(0).getHeight();
    for (int i = 1; i < frames.size(); i++) {
      if (frames.get(i).getWidth() != w || frames.get(i).getHeight() != h) {
        throw new IllegalArgumentException("frame " + i + " is " + frames.get(i).getWidth() + "x"
            + frames.get(i).getHeight() + " but frame 0 is " + w + "x" + h);
      }
    }
    Path abs = mp4.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      try (SeekableByteChannel ch = NIOUtils.writableChannel(tmp.toFile())) {
        AWTSequenceEncoder enc = new AWTSequenceEncoder(ch, Rational.R(fps, 1));
        for (BufferedImage f : frames) {
          enc.encodeImage(toBgr(f));
        }
        enc.finish();
      } catch (RuntimeException e) {
        throw new IOException("cannot encode video " + mp4 + ": " + e.getMessage(), e);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * jcodec's AWT bridge reads 3-byte BGR rasters, and H.264 with 4:2:0 chroma needs even dimensions
   * (like ffmpeg's yuv420p): odd sizes get their last column or row repeated.
   */
  private static BufferedImage toBgr(BufferedImage f) {
    RgbImage rgb = RgbImage.from(f);
    int w = rgb.width();
    int h = rgb.height();
    if (w % 2 == 0 && h % 2 == 0) {
      return f.getType() == BufferedImage.TYPE_3BYTE_BGR ? f : rgb.toBufferedImage();
    }
    int ew = w + (w & 1);
    int eh = h + (h & 1);
    byte[] src = rgb.data();
    byte[] out = new byte[ew * eh * 3];
    for (int y = 0; y < eh; y++) {
      int sy = Math.min(y, h - 1);
      System.arraycopy(src, sy * w * 3, out, y * ew * 3, w * 3);
      if (ew > w) {
        System.arraycopy(src, (sy * w + w - 1) * 3, out, (y * ew + w) * 3, 3);
      }
    }
    return new RgbImage(ew, eh, out).toBufferedImage();
  }
}
