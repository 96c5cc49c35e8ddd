package io.github.geollava.examples.bench;

import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.image.ImageLoader;
import io.github.geollava.core.image.ResampleFilter;
import io.github.geollava.core.image.Resampler;
import io.github.geollava.core.image.RgbImage;
import io.github.geollava.core.video.VideoProcessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One frame from a JPEG file to the {@code (3, 336, 336)} CLIP tensor with the default processor
 * (decode, EXIF, RGB, PIL-exact bicubic resize of the shortest edge to 336, centre crop, rescale,
 * normalise). The JPEG is a real Landsat scene (p167r055, 2000) upscaled to {@code size x size x 3/4}
 * and saved at ImageIO's default quality, so decode cost matches a photo of that size. Frames/s =
 * 1000 / (ms per op). {@code process} leaves out decoding.
 *
 * <p>{@code java -cp ... org.openjdk.jmh.Main FrameEncodingBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class FrameEncodingBenchmark {

  /** Width of the JPEG (height is 3/4 of it). */
  @Param({"512", "1024"})
  public int size;

  private Path dir;
  private Path jpeg;
  private BufferedImage decoded;
  private final VideoProcessor processor = VideoProcessor.of(PreprocessorConfig.clipDefaults());

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("frame-bench");
    RgbImage scene = ImageLoader.readRgb(landsat());
    RgbImage big = Resampler.resize(scene, size, size * 3 / 4, ResampleFilter.BICUBIC);
    jpeg = dir.resolve("frame.jpg");
    ImageIO.write(big.toBufferedImage(), "jpeg", jpeg.toFile());
    decoded = ImageLoader.read(jpeg);
  }

  private static Path landsat() {
    Path p = Path.of("geollava-core/src/test/resources/pil-reference/images/"
        + "p167r055_2000-03-09_LT05_rgb.png");
    if (!Files.exists(p)) {
      p = Path.of("..").resolve(p);
    }
    return p;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(jpeg);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public float jpegToTensor() throws IOException {
    float[] v = processor.process(List.of(ImageLoader.read(jpeg)));
    return v[v.length - 1];
  }

  @Benchmark
  public float process() {
    float[] v = processor.process(List.of(decoded));
    return v[v.length - 1];
  }
}
