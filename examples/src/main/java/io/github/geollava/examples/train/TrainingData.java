package io.github.geollava.examples.train;

import io.github.geollava.core.train.CaptionExample;
import io.github.geollava.core.video.VideoFrames;
import io.github.geollava.dataset.llava.LlavaConversation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** LLaVA conversations as the trainer's examples. */
public final class TrainingData {

  private TrainingData() {}

  /**
   * One example per conversation: its video resolved against a folder ({@link VideoFrames#resolve}), its
   * human turn as the prompt, its first gpt turn as the answer.
   *
   * @param conversations the conversations
   * @param videos the folder their {@code "video"} fields are relative to
   * @return the examples, in order
   * @throws IllegalArgumentException naming a conversation without a video, a prompt or an answer, or
   *     with a video field that leaves the folder
   */
  public static List<CaptionExample> examples(List<LlavaConversation> conversations, Path videos) {
    List<CaptionExample> out = new ArrayList<>(conversations.size());
    for (LlavaConversation c : conversations) {
      if (c.video() == null || c.prompt() == null || c.caption() == null) {
        throw new IllegalArgumentException("conversation " + c.id()
            + " needs a video, a human turn and a gpt turn");
      }
      out.add(new CaptionExample(c.id(), VideoFrames.resolve(videos, c.video()), c.prompt(), c.caption()));
    }
    return out;
  }
}
