package io.github.geollava.examples.cli;

import io.github.geollava.core.config.PreprocessorConfig;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.core.video.PixelValues;
import io.github.geollava.core.video.VideoFrames;
import io.github.geollava.core.video.VideoProcessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code geollava encode}: turns a before/after image pair (or an mp4 / a folder of frames) into the
 * {@code pixel_values_videos} tensor a LLaVA-NeXT-Video model takes, {@code (1, T, 3, H, W)} float32,
 * processed exactly as Hugging Face's image processor, and writes it as safetensors.
 */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = "Encode a before/after image pair (or an mp4 / image folder) as the "
        + "pixel_values_videos tensor (1, T, 3, H, W) in a safetensors file.")
public final class EncodeCommand implements Callable<Integer> {

  /** The tensor name transformers' LLaVA-NeXT-Video takes video pixels under. */
  public static final String TENSOR = "pixel_values_videos";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--before", paramLabel = "IMAGE", description = "The earlier image (frame 1).")
  Path before;

  @Option(names = "--after", paramLabel = "IMAGE", description = "The later image (frame 2).")
  Path after;

  @Option(names = "--video", paramLabel = "MP4|DIR",
      description = "Instead of --before/--after: an mp4 or a folder of images (sorted by name).")
  Path video;

  @Option(names = "--frames", defaultValue = "2",
      description = "Frames sampled from --video like numpy linspace (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--preprocessor", paramLabel = "FILE|DIR",
      description = "preprocessor_config.json / video_preprocessor_config.json, or a model folder"
          + " holding one (default: CLIP ViT-L/14-336 values: 336x336).")
  Path preprocessor;

  @Option(names = "--out", required = true, paramLabel = "F.safetensors", description = "Output file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    List<BufferedImage> images;
    List<String> sources = new ArrayList<>();
    if (video != null) {
      if (before != null || after != null) {
        throw new BadInputException("--video: give either --video or --before/--after, not both");
      }
      if (frames < 1) {
        throw new BadInputException("--frames: must be >= 1, got " + frames);
      }
      images = VideoFrames.read(video, frames);
      sources.add(video.getFileName().toString());
    } else {
      if (before == null || after == null) {
        throw new BadInputException("--before and --after are both required (or use --video)");
      }
      images = VideoFrames.fromImages(List.of(before, after));
      sources.add(before.getFileName().toString());
      sources.add(after.getFileName().toString());
    }
    PreprocessorConfig config = preprocessor == null ? PreprocessorConfig.clipDefaults()
        : Files.isDirectory(preprocessor) ? PreprocessorConfig.fromModelDir(preprocessor)
        : PreprocessorConfig.read(preprocessor);
    VideoProcessor processor = VideoProcessor.of(config);
    PixelValues pixels = processor.pixelValues(images); // (T, 3, H, W)
    int t = pixels.frames();
    int h = pixels.height();
    int w = pixels.width();
    SafetensorsWriter.create()
        .metadata("format", "pt")
        .metadata("geollava.sources", String.join(",", sources))
        .metadata("geollava.preprocessor", config.toJson().replaceAll("\\s+", ""))
        .putFloats(TENSOR, pixels.data(), 1, t, 3, h, w)
        .write(out);
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "%s: %s [1, %d, 3, %d, %d] float32 from %s%n", out, TENSOR, t, h, w,
        String.join(", ", sources));
    o.flush();
    return 0;
  }
}
