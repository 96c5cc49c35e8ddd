package io.github.geollava.core.config;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the config fixtures in the test resources. */
final class ConfigFixtures {

  private ConfigFixtures() {}

  static Path resource(String path) {
    try {
      return Path.of(ConfigFixtures.class.getResource(path).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + path, e);
    }
  }

  static Path tiny() {
    return resource("/golden/llava_tiny/model/config.json");
  }

  static Path nextVideo7b() {
    return resource("/configs/llava-next-video-7b/config.json");
  }

  static Path videoLlava7b() {
    return resource("/configs/video-llava-7b/config.json");
  }
}
