package io.github.geollava.core.generate;

/** Why a row of a batch stopped generating. */
public enum FinishReason {
  /** The row produced one of the EOS ids (the EOS id is the last id of its sequence). */
  EOS,
  /** The decoded new text contains one of the stop strings. */
  STOP_STRING,
  /** The row reached the maximum number of new tokens. */
  MAX_NEW_TOKENS
}
