package io.github.geollava.dataset.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AnnotationClient} for OpenAI-compatible chat-completions endpoints ({@code POST
 * <baseUri>/chat/completions}): OpenAI itself, or a local vLLM / llama.cpp / Ollama server. The two
 * images travel inline as base64 data URLs, after the prompt, in one user message.
 *
 * <p>Failures: 429 and 5xx answers and transport errors (including timeouts) are retried with
 * exponential backoff (initial delay doubled per attempt, capped), and a {@code Retry-After} header
 * (seconds or an HTTP date) replaces the computed delay. Other 4xx answers fail at once: retrying a
 * bad request or a bad key only costs money. The key is read from an environment variable (default
 * {@code OPENAI_API_KEY}) when the client is built, never logged.
 *
 * <pre>{@code
 * AnnotationClient client = OpenAiChatClient.builder().model("gpt-4o").build();
 * String caption = client.describe(Path.of("a.jpg"), Path.of("b.jpg"));
 * }</pre>
 */
public final class OpenAiChatClient implements AnnotationClient {

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatClient.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Waits between attempts; replaceable in tests so that they never sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final URI endpoint;
  private final String model;
  private final String apiKey;
  private final int maxTokens;
  private final double temperature;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration requestTimeout;
  private final HttpClient http;
  private final Sleeper sleeper;

  private OpenAiChatClient(Builder b, String apiKey) {
    String base = b.baseUri.toString();
    this.endpoint = URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    this.model = b.model;
    this.apiKey = apiKey;
    this.maxTokens = b.maxTokens;
    this.temperature = b.temperature;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.requestTimeout = b.requestTimeout;
    this.sleeper = b.sleeper;
    this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  /**
   * A builder; {@link Builder#model(String)} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The chat-completions URL this client posts to.
   *
   * @return the endpoint
   */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public String describe(Path before, Path after, String prompt)
      throws IOException, InterruptedException {
    Objects.requireNonNull(prompt, "prompt");
    byte[] body = MAPPER.writeValueAsBytes(requestBody(before, after, prompt));
    HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (apiKey != null) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    HttpRequest request = rb.build();
    String what = endpoint + " for " + before.getFileName() + " and " + after.getFileName();
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> resp;
      try {
        resp = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt >= maxRetries) {
          throw new AnnotationException(-1, what + ": failed after " + (attempt + 1)
              + " attempt(s): " + e, e);
        }
        Duration d = backoff(attempt);
        LOG.warn("{}: {} (attempt {}), retrying in {} ms", what, e.toString(), attempt + 1, d.toMillis());
        sleeper.sleep(d);
        continue;
      }
      int status = resp.statusCode();
      if (status / 100 == 2) {
        return parseCaption(resp.body(), what);
      }
      boolean retryable = status == 429 || status / 100 == 5;
      if (!retryable || attempt >= maxRetries) {
        throw new AnnotationException(status, what + ": HTTP " + status
            + (retryable ? " after " + (attempt + 1) + " attempt(s)" : "") + ": " + snippet(resp.body()),
            null);
      }
      Optional<Duration> retryAfter = retryAfter(resp.headers().firstValue("Retry-After").orElse(null));
      Duration d = retryAfter.isPresent()
          ? (retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get())
          : backoff(attempt);
      LOG.warn("{}: HTTP {} (attempt {}), retrying in {} ms{}", what, status, attempt + 1,
          d.toMillis(), retryAfter.isPresent() ? " (Retry-After)" : "");
      sleeper.sleep(d);
    }
  }

  private ObjectNode requestBody(Path before, Path after, String prompt) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", model);
    root.put("max_tokens", maxTokens);
    root.put("temperature", temperature);
    ObjectNode msg = root.putArray("messages").addObject();
    msg.put("role", "user");
    ArrayNode content = msg.putArray("content");
    content.addObject().put("type", "text").put("text", prompt);
    for (Path img : new Path[] {before, after}) {
      ObjectNode part = content.addObject();
      part.put("type", "image_url");
      part.putObject("image_url").put("url", dataUrl(img));
    }
    return root;
  }

  /**
   * An image file as a {@code data:} URL.
   *
   * @param image the file
   * @return {@code data:<mime>;base64,<bytes>}
   * @throws IOException when the file cannot be read
   */
  static String dataUrl(Path image) throws IOException {
    byte[] bytes = Files.readAllBytes(image);
    return "data:" + mimeType(image) + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }

  static String mimeType(Path image) {
    String n = image.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (n.endsWith(".png")) {
      return "image/png";
    }
    if (n.endsWith(".webp")) {
      return "image/webp";
    }
    if (n.endsWith(".gif")) {
      return "image/gif";
    }
    throw new IllegalArgumentException(
        "image: expected a .jpg, .jpeg, .png, .webp or .gif file, found " + image);
  }

  private static String parseCaption(String body, String what) throws AnnotationException {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new AnnotationException(200, what + ": response is not JSON: " + snippet(body), e);
    }
    JsonNode content = root.path("choices").path(0).path("message").path("content");
    String text;
    if (content.isTextual()) {
      text = content.asText();
    } else if (content.isArray()) {
      // Some compatible servers answer with content parts; join their text parts.
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : content) {
        if (part.path("text").isTextual()) {
          sb.append(part.path("text").asText());
        }
      }
      text = sb.toString();
    } else {
      text = "";
    }
    if (text.isBlank()) {
      throw new AnnotationException(200,
          what + ": no choices[0].message.content in the response: " + snippet(body), null);
    }
    return text.strip();
  }

  private Duration backoff(int attempt) {
    long ms = initialBackoff.toMillis() << Math.min(attempt, 30);
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }

  /**
   * Parses a {@code Retry-After} header: delta seconds or an HTTP date.
   *
   * @param value the header value, may be null
   * @return the delay, empty when absent or unparsable
   */
  static Optional<Duration> retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    try {
      long s = Long.parseLong(v);
      return Optional.of(Duration.ofSeconds(Math.max(0, s)));
    } catch (NumberFormatException e) {
      // not delta-seconds; try an HTTP date
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String snippet(String body) {
    if (body == null) {
      return "(no body)";
    }
    String s = body.replaceAll("\\s+", " ").strip();
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Builder of {@link OpenAiChatClient}. */
  public static final class Builder {
    private URI baseUri = URI.create("https://api.openai.com/v1");
    private String model;
    private String apiKeyEnv = "OPENAI_API_KEY";
    private Function<String, String> environment = System::getenv;
    private int maxTokens = 512;
    private double temperature = 0.2;
    private int maxRetries = 5;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private Duration maxRetryAfter = Duration.ofMinutes(10);
    private Duration requestTimeout = Duration.ofSeconds(120);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());

    private Builder() {}

    /**
     * The API base, up to and excluding {@code /chat/completions}. Default
     * {@code https://api.openai.com/v1}.
     *
     * @param baseUri e.g. {@code http://127.0.0.1:8000/v1}
     * @return this builder
     */
    public Builder baseUri(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /**
     * The model name, e.g. {@code gpt-4o}. Required.
     *
     * @param model the model
     * @return this builder
     */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /**
     * The environment variable holding the API key. Default {@code OPENAI_API_KEY}; {@code null} for
     * servers that need no key.
     *
     * @param name the variable name, or null
     * @return this builder
     */
    public Builder apiKeyEnv(String name) {
      this.apiKeyEnv = name;
      return this;
    }

    /** Where variables are looked up; tests pass a map instead of the real environment. */
    Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** Replaces the sleep between attempts; tests record the delays instead of waiting. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The {@code max_tokens} of each answer. Default 512.
     *
     * @param maxTokens at least 1
     * @return this builder
     */
    public Builder maxTokens(int maxTokens) {
      if (maxTokens < 1) {
        throw new IllegalArgumentException("maxTokens: must be >= 1, found " + maxTokens);
      }
      this.maxTokens = maxTokens;
      return this;
    }

    /**
     * The sampling temperature. Default 0.2.
     *
     * @param temperature between 0 and 2
     * @return this builder
     */
    public Builder temperature(double temperature) {
      if (!(temperature >= 0 && temperature <= 2)) {
        throw new IllegalArgumentException("temperature: must be in [0, 2], found " + temperature);
      }
      this.temperature = temperature;
      return this;
    }

    /**
     * Retries after the first attempt on 429, 5xx and transport errors. Default 5.
     *
     * @param maxRetries at least 0
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries: must be >= 0, found " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Backoff delays: {@code initial * 2^attempt}, at most {@code max}. Default 1 s and 60 s.
     *
     * @param initial the first delay, positive
     * @param max the largest delay, at least {@code initial}
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException(
            "backoff: need 0 < initial <= max, found initial " + initial + ", max " + max);
      }
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * The longest {@code Retry-After} wait honoured as given; longer ones are shortened to this.
     * Default 10 minutes.
     *
     * @param max a non-negative duration
     * @return this builder
     */
    public Builder maxRetryAfter(Duration max) {
      if (max.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter: must be >= 0, found " + max);
      }
      this.maxRetryAfter = max;
      return this;
    }

    /**
     * Timeouts: connecting, and the whole request. Default 10 s and 120 s.
     *
     * @param connect the connect timeout, positive
     * @param request the per-request timeout, positive
     * @return this builder
     */
    public Builder timeouts(Duration connect, Duration request) {
      if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
        throw new IllegalArgumentException(
            "timeouts: must be > 0, found connect " + connect + ", request " + request);
      }
      this.connectTimeout = connect;
      this.requestTimeout = request;
      return this;
    }

    /**
     * Builds the client, reading the key from the environment.
     *
     * @return the client
     * @throws IllegalArgumentException when the model is missing or the key variable is unset
     */
    public OpenAiChatClient build() {
      if (model == null || model.isBlank()) {
        throw new IllegalArgumentException("model: required, e.g. gpt-4o");
      }
      String key = null;
      if (apiKeyEnv != null) {
        key = environment.apply(apiKeyEnv);
        if (key == null || key.isBlank()) {
          throw new IllegalArgumentException(
              "apiKeyEnv: environment variable " + apiKeyEnv + " is not set; export it, or call"
                  + " apiKeyEnv(null) for a server that needs no key");
        }
      }
      return new OpenAiChatClient(this, key == null ? null : key.strip());
    }
  }
}
