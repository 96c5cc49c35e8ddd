package io.github.geollava.core.train;

import io.github.geollava.core.text.ChatTemplate;
import io.github.geollava.core.text.PromptEncoder;
import io.github.geollava.core.text.TextTokenizer;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns (prompt, answer) into ids and labels the way a Hugging Face processor does for LLaVA training:
 * the template with the answer appended is tokenized as one text, so the answer's first token is the
 * one the model sees at inference; the prompt's {@code <video>} becomes one id per video feature; an
 * end-of-sequence id closes the answer.
 */
final class ExampleEncoder {

  /** The label of positions without loss (PyTorch's {@code ignore_index}). */
  static final long IGNORE = -100;

  private static final Logger LOG = LoggerFactory.getLogger(ExampleEncoder.class);

  private final TextTokenizer tokenizer;
  private final ChatTemplate template;
  private final PromptEncoder prompts;
  private final long eosId;
  private final int tokensPerFrame;
  private final TrainingConfig config;
  private int truncated;
  private int dropped;

  ExampleEncoder(TextTokenizer tokenizer, ChatTemplate template, long videoTokenId, long eosId,
      int tokensPerFrame, TrainingConfig config) {
    this.tokenizer = tokenizer;
    this.template = template;
    this.prompts = new PromptEncoder(tokenizer, template, videoTokenId);
    this.eosId = eosId;
    this.tokensPerFrame = tokensPerFrame;
    this.config = config;
  }

  /**
   * Encodes one example.
   *
   * @return the encoded example, or null when it is dropped (counted and logged)
   * @throws IllegalArgumentException under {@link OverflowPolicy#FAIL} when it does not fit
   */
  EncodedExample encode(int index, CaptionExample ex, int frames) {
    String rendered = template.render(ex.prompt());
    long[] promptOnly = tokenizer.encode(rendered, true);
    long[] full = tokenizer.encode(rendered + " " + ex.answer().strip(), true);
    long[] answer;
    if (full.length > promptOnly.length
        && Arrays.equals(full, 0, promptOnly.length, promptOnly, 0, promptOnly.length)) {
      answer = Arrays.copyOfRange(full, promptOnly.length, full.length);
    } else {
      // A tokenizer that merges across the boundary: fall back to the answer on its own.
      answer = tokenizer.encode(ex.answer().strip(), false);
    }
    long[] prompt = prompts.encode(ex.prompt(), frames * tokensPerFrame);
    int n = prompt.length + answer.length + 1;
    long[] ids = new long[n];
    System.arraycopy(prompt, 0, ids, 0, prompt.length);
    System.arraycopy(answer, 0, ids, prompt.length, answer.length);
    ids[n - 1] = eosId;
    long[] labels = new long[n];
    long video = prompts.videoTokenId();
    for (int i = 0; i < n; i++) {
      boolean answerPart = i >= prompt.length;
      boolean keep = config.labels() == LabelMode.ANSWER_ONLY ? answerPart : ids[i] != video;
      labels[i] = keep ? ids[i] : IGNORE;
    }
    if (n > config.maxLength()) {
      String what = "example " + ex.id() + " has " + n + " tokens (prompt with video " + prompt.length
          + ", answer " + (answer.length + 1) + ") but maxLength is " + config.maxLength();
      if (config.overflow() == OverflowPolicy.FAIL) {
        throw new IllegalArgumentException(what + "; raise maxLength or choose the TRUNCATE or DROP policy");
      }
      if (config.overflow() == OverflowPolicy.DROP || prompt.length >= config.maxLength()) {
        dropped++;
        LOG.warn("{}: dropped", what);
        return null;
      }
      truncated++;
      LOG.warn("{}: answer truncated by {} tokens", what, n - config.maxLength());
      ids = Arrays.copyOf(ids, config.maxLength());
      labels = Arrays.copyOf(labels, config.maxLength());
    }
    int labelled = 0;
    for (int i = 1; i < labels.length; i++) {
      if (labels[i] != IGNORE) {
        labelled++;
      }
    }
    return new EncodedExample(index, ex, frames, ids, labels, labelled);
  }

  int truncated() {
    return truncated;
  }

  int dropped() {
    return dropped;
  }
}
