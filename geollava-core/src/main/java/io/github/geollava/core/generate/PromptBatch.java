package io.github.geollava.core.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A batch of prompts, left-padded to one length, with its attention mask: the layout Hugging Face's
 * {@code generate} expects from a decoder-only model, so every row's last prompt token sits in the last
 * column and new tokens are appended on the right.
 *
 * @param inputIds {@code (B, S)} ids; padding on the left
 * @param attentionMask {@code (B, S)}: 0 at padding, 1 elsewhere
 */
public record PromptBatch(long[][] inputIds, long[][] attentionMask) {

  /** Validates that both are rectangular, of the same shape, with a 0/1 mask and a non-empty row. */
  public PromptBatch {
    Objects.requireNonNull(inputIds, "inputIds");
    Objects.requireNonNull(attentionMask, "attentionMask");
    if (inputIds.length == 0) {
      throw new IllegalArgumentException("inputIds must have at least one row");
    }
    if (attentionMask.length != inputIds.length) {
      throw new IllegalArgumentException(
          "attentionMask has " + attentionMask.length + " rows but inputIds has " + inputIds.length);
    }
    int s = inputIds[0].length;
    if (s == 0) {
      throw new IllegalArgumentException("inputIds rows must not be empty");
    }
    for (int b = 0; b < inputIds.length; b++) {
      if (inputIds[b].length != s || attentionMask[b].length != s) {
        throw new IllegalArgumentException(
            "row " + b + " has " + inputIds[b].length + " ids and " + attentionMask[b].length
                + " mask entries; expected " + s + " for both");
      }
      boolean any = false;
      for (int i = 0; i < s; i++) {
        long m = attentionMask[b][i];
        if (m != 0 && m != 1) {
          throw new IllegalArgumentException(
              "attentionMask[" + b + "][" + i + "] must be 0 or 1, got " + m);
        }
        any |= m == 1;
      }
      if (!any) {
        throw new IllegalArgumentException("attentionMask row " + b + " is all zeros");
      }
    }
  }

  /**
   * Left-pads prompts of different lengths.
   *
   * @param prompts the prompts' ids
   * @param padTokenId the id put in the padding
   * @return the batch
   */
  public static PromptBatch leftPad(List<long[]> prompts, long padTokenId) {
    Objects.requireNonNull(prompts, "prompts");
    int s = 0;
    for (long[] p : prompts) {
      if (p.length == 0) {
        throw new IllegalArgumentException("prompts must not be empty");
      }
      s = Math.max(s, p.length);
    }
    long[][] ids = new long[prompts.size()][s];
    long[][] mask = new long[prompts.size()][s];
    for (int b = 0; b < prompts.size(); b++) {
      long[] p = prompts.get(b);
      int pad = s - p.length;
      Arrays.fill(ids[b], 0, pad, padTokenId);
      System.arraycopy(p, 0, ids[b], pad, p.length);
      Arrays.fill(mask[b], pad, s, 1L);
    }
    return new PromptBatch(ids, mask);
  }

  /** A batch of one unpadded prompt. */
  public static PromptBatch of(long[] prompt) {
    return leftPad(List.of(prompt), 0);
  }

  /** The batch size B. */
  public int batchSize() {
    return inputIds.length;
  }

  /** The padded length S. */
  public int length() {
    return inputIds[0].length;
  }
}
