package io.github.geollava.dataset.annotate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A chat-completions stand-in on 127.0.0.1 that records requests and answers from a script. */
final class LoopbackServer implements AutoCloseable {

  /** A scripted answer. */
  record Reply(int status, String body, String retryAfter) {
    static Reply ok(String caption) {
      String escaped = caption.replace("\\", "\\\\").replace("\"", "\\\"");
      return new Reply(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\""
          + escaped + "\"}}]}", null);
    }
  }

  /** A recorded request. */
  record Request(String path, String authorization, String body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  LoopbackServer(Function<Integer, Reply> script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", ex -> handle(ex, script));
    server.start();
  }

  private void handle(HttpExchange ex, Function<Integer, Reply> script) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int index;
    synchronized (requests) {
      requests.add(new Request(ex.getRequestURI().getPath(),
          ex.getRequestHeaders().getFirst("Authorization"), body));
      index = requests.size() - 1;
    }
    Reply r = script.apply(index);
    byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
    if (r.retryAfter() != null) {
      ex.getResponseHeaders().add("Retry-After", r.retryAfter());
    }
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(r.status(), out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
