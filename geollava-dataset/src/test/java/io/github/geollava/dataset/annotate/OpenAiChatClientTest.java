package io.github.geollava.dataset.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiChatClientTest {

  @TempDir Path dir;
  private Path a;
  private Path b;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void images() throws IOException {
    a = Files.write(dir.resolve("x_1_rgb.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
    b = Files.write(dir.resolve("x_2_rgb.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  private OpenAiChatClient client(LoopbackServer s) {
    return OpenAiChatClient.builder().baseUri(s.baseUri()).model("gpt-4o")
        .environment(Map.of("OPENAI_API_KEY", "sk-test")::get)
        .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
        .sleeper(sleeps::add).build();
  }

  @Test
  void sendsPromptAndBothImagesAsDataUrls() throws Exception {
    try (LoopbackServer s = new LoopbackServer(i -> LoopbackServer.Reply.ok("  A road was built.  "))) {
      String caption = client(s).describe(a, b);
      assertThat(caption).isEqualTo("A road was built.");
      assertThat(s.requests).hasSize(1);
      LoopbackServer.Request r = s.requests.get(0);
      assertThat(r.path()).isEqualTo("/v1/chat/completions");
      assertThat(r.authorization()).isEqualTo("Bearer sk-test");
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.get("model").asText()).isEqualTo("gpt-4o");
      JsonNode content = body.get("messages").get(0).get("content");
      assertThat(body.get("messages").get(0).get("role").asText()).isEqualTo("user");
      assertThat(content.get(0).get("text").asText()).isEqualTo(AnnotationClient.PAPER_PROMPT);
      assertThat(content.get(1).get("image_url").get("url").asText()).isEqualTo(
          "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(a)));
      assertThat(content.get(2).get("image_url").get("url").asText()).startsWith("data:image/png;base64,");
    }
    assertThat(sleeps).isEmpty();
  }

  @Test
  void retries429And5xxHonouringRetryAfterThenBackingOff() throws Exception {
    try (LoopbackServer s = new LoopbackServer(i -> switch (i) {
      case 0 -> new LoopbackServer.Reply(429, "{\"error\":\"slow down\"}", "7");
      case 1 -> new LoopbackServer.Reply(503, "busy", null);
      case 2 -> new LoopbackServer.Reply(500, "oops", null);
      case 3 -> new LoopbackServer.Reply(502, "bad gateway", null);
      default -> LoopbackServer.Reply.ok("done");
    })) {
      assertThat(client(s).describe(a, b, "p")).isEqualTo("done");
      assertThat(s.requests).hasSize(5);
    }
    // Retry-After wins on attempt 1; then 100 ms x 2^attempt, capped at 500 ms
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(200),
        Duration.ofMillis(400), Duration.ofMillis(500));
  }

  @Test
  void givesUpAfterMaxRetriesAndNeverRetriesOther4xx() throws Exception {
    try (LoopbackServer s = new LoopbackServer(i -> new LoopbackServer.Reply(503, "down", null))) {
      OpenAiChatClient c = OpenAiChatClient.builder().baseUri(s.baseUri()).model("m")
          .apiKeyEnv(null).maxRetries(2).sleeper(sleeps::add).build();
      assertThatThrownBy(() -> c.describe(a, b, "p"))
          .isInstanceOf(AnnotationException.class)
          .hasMessageContaining("HTTP 503 after 3 attempt(s): down")
          .satisfies(e -> assertThat(((AnnotationException) e).status()).isEqualTo(503));
      assertThat(s.requests).hasSize(3);
      assertThat(s.requests.get(0).authorization()).isNull();
    }
    try (LoopbackServer s = new LoopbackServer(i -> new LoopbackServer.Reply(401, "bad key", null))) {
      assertThatThrownBy(() -> client(s).describe(a, b, "p"))
          .hasMessageContaining("HTTP 401: bad key");
      assertThat(s.requests).hasSize(1);
    }
  }

  @Test
  void unusableAnswersAreErrors() throws Exception {
    try (LoopbackServer s = new LoopbackServer(i -> new LoopbackServer.Reply(200, "{\"choices\":[]}", null))) {
      assertThatThrownBy(() -> client(s).describe(a, b, "p"))
          .hasMessageContaining("no choices[0].message.content");
    }
  }

  @Test
  void configurationErrorsAreClear() {
    assertThatThrownBy(() -> OpenAiChatClient.builder().model("m").environment(k -> null).build())
        .hasMessageContaining("environment variable OPENAI_API_KEY is not set");
    assertThatThrownBy(() -> OpenAiChatClient.builder().build()).hasMessageStartingWith("model:");
    assertThatThrownBy(() -> OpenAiChatClient.mimeType(Path.of("a.tif")))
        .hasMessageContaining("a.tif");
  }

  @Test
  void parsesRetryAfterSecondsAndDates() {
    assertThat(OpenAiChatClient.retryAfter("12")).contains(Duration.ofSeconds(12));
    assertThat(OpenAiChatClient.retryAfter(null)).isEmpty();
    assertThat(OpenAiChatClient.retryAfter("soon")).isEmpty();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(30));
    assertThat(OpenAiChatClient.retryAfter(date).orElseThrow())
        .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(31));
  }
}
