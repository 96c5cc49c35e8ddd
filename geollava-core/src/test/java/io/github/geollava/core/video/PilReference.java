package io.github.geollava.core.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.geollava.core.config.PreprocessorConfig;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Access to src/test/resources/pil-reference (see its README.md). */
final class PilReference {

  private PilReference() {}

  static Path root() {
    try {
      return Path.of(PilReference.class.getResource("/pil-reference/README.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode manifest() throws IOException {
    return new ObjectMapper().readTree(Files.readAllBytes(root().resolve("expected/manifest.json")));
  }

  /** The Java config for one of the script's configs. */
  static PreprocessorConfig config(JsonNode manifest, String name) {
    JsonNode c = manifest.get("configs").get(name);
    JsonNode crop = c.get("crop");
    String json = "{\"size\":" + c.get("size") + ",\"crop_size\":{\"height\":" + crop.get(0)
        + ",\"width\":" + crop.get(1) + "},\"resample\":" + c.get("resample") + "}";
    return PreprocessorConfig.fromJson(json);
  }
}
