package io.github.geollava.core.train;

/**
 * A tokenized example: ids with the video placeholder expanded, and labels ({@code -100} where no loss).
 *
 * @param index position in the input list
 * @param example the source example
 * @param frames frames of its video
 * @param ids (S) token ids, BOS first
 * @param labels (S) the id to predict at each position, or {@link ExampleEncoder#IGNORE}
 * @param labelled positions that carry loss after the causal shift
 */
record EncodedExample(int index, CaptionExample example, int frames, long[] ids, long[] labels, int labelled) {}
