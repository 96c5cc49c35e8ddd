package io.github.geollava.dataset.fmow;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the committed {@code fmow-mini} fixture on the test class path. */
public final class Fixtures {

  private Fixtures() {}

  /**
   * The fixture root.
   *
   * @return the {@code fmow-mini} folder
   */
  public static Path fmowMini() {
    URL url = Fixtures.class.getResource("/fmow-mini/train");
    if (url == null) {
      throw new IllegalStateException("fmow-mini fixture is not on the test class path");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
