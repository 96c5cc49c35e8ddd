package io.github.geollava.core.generate;

/**
 * Streaming callback: told each new token as soon as it is chosen, before the next forward pass.
 *
 * <p>Called on the generating thread; keep it short. A row that has finished (EOS, stop string) gets no
 * more calls.
 */
@FunctionalInterface
public interface TokenListener {

  /** A listener that ignores every token. */
  TokenListener NONE = (row, step, tokenId) -> {};

  /**
   * A new token was chosen.
   *
   * @param row the batch row
   * @param step the 0-based index of the new token in that row
   * @param tokenId the token id
   */
  void onToken(int row, int step, long tokenId);
}
