package io.github.geollava.dataset.llava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlavaAnnotationsTest {

  private final List<LlavaConversation> records = List.of(
      LlavaConversation.of("a_1-a_2", "a_1-a_2.mp4", "Image 1: a field. Changes: a road.", 5),
      LlavaConversation.of("b_1-b_2", "b_1-b_2.mp4", "Quote \"this\" and a\nnew line", 5));

  @Test
  void jsonArrayRoundTripsAndIsPlainJson(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("train.json");
    LlavaAnnotations.write(f, records);
    JsonNode tree = new ObjectMapper().readTree(f.toFile());
    assertThat(tree.isArray()).isTrue();
    assertThat(tree.get(1).get("conversations").get(1).get("value").asText())
        .isEqualTo("Quote \"this\" and a\nnew line");
    assertThat(LlavaAnnotations.read(f)).isEqualTo(records);
  }

  @Test
  void jsonlRoundTripsAndStreams(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("train.jsonl");
    LlavaAnnotations.write(f, records);
    assertThat(Files.readAllLines(f)).hasSize(2);
    List<String> ids = new ArrayList<>();
    LlavaAnnotations.stream(f, c -> ids.add(c.id()));
    assertThat(ids).containsExactly("a_1-a_2", "b_1-b_2");
  }

  @Test
  void emptyFilesAndEmptyArraysAreEmpty(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("e.json");
    LlavaAnnotations.write(f, List.of());
    assertThat(Files.readString(f)).isEqualTo("[]\n");
    assertThat(LlavaAnnotations.read(f)).isEmpty();
    Files.writeString(f, "\n\n");
    assertThat(LlavaAnnotations.read(f)).isEmpty();
  }

  @Test
  void errorsNameTheLineAndTheRecordId(@TempDir Path dir) throws IOException {
    Path jsonl = dir.resolve("bad.jsonl");
    Files.writeString(jsonl, "{\"id\":\"ok\",\"video\":\"ok.mp4\",\"conversations\":"
        + "[{\"from\":\"gpt\",\"value\":\"x\"}]}\n\n{\"id\":\"r9\",\"video\":\"v.mp4\","
        + "\"conversations\":[{\"from\":\"bot\",\"value\":\"x\"}]}\n");
    assertThatThrownBy(() -> LlavaAnnotations.read(jsonl))
        .isInstanceOf(LlavaFormatException.class)
        .hasMessage(jsonl + ": line 3 (id 'r9'): from: expected human, gpt or system, found 'bot'");

    Path arr = dir.resolve("bad.json");
    Files.writeString(arr, "[\n {\"id\":\"r1\",\"video\":\"v.mp4\",\"conversations\":[]}\n]");
    assertThatThrownBy(() -> LlavaAnnotations.read(arr))
        .hasMessage(arr + ": line 2: record 0 (id 'r1'): conversations: missing or empty in record 'r1'");

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "[\n {\"id\": \"r1\",\n  \"video\": ]");
    assertThatThrownBy(() -> LlavaAnnotations.read(broken))
        .hasMessageStartingWith(broken + ": line 3: record 0: invalid JSON");

    Path syntax = dir.resolve("s.jsonl");
    Files.writeString(syntax, "{\"id\": \"r1\"\n");
    assertThatThrownBy(() -> LlavaAnnotations.read(syntax))
        .hasMessageStartingWith(syntax + ": line 1: invalid JSON");
  }

  @Test
  void formatFollowsTheExtension() {
    assertThat(LlavaAnnotations.Format.of(Path.of("a.jsonl"))).isEqualTo(LlavaAnnotations.Format.JSONL);
    assertThat(LlavaAnnotations.Format.of(Path.of("a.JSON"))).isEqualTo(LlavaAnnotations.Format.JSON);
  }
}
