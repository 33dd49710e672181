package io.channelmonitor.testkit.upstream;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes one response: the status line and headers once, then the body, flushed as it goes. */
final class HttpOut {
  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";

  private final HttpExchange exchange;
  private OutputStream body;

  HttpOut(HttpExchange exchange) {
    this.exchange = exchange;
  }

  /** Whether the status line has gone out. */
  boolean started() {
    return body != null;
  }

  /** A whole JSON body with {@code headers} added (none for 204 and 304, and for HEAD). */
  void json(int status, String json, Map<String, String> headers) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    boolean bodiless = status == 204 || status == 304 || isHead();
    if (!bodiless) {
      exchange.getResponseHeaders().set("Content-Type", JSON);
    }
    body = exchange.getResponseBody();
    exchange.sendResponseHeaders(status, bodiless || bytes.length == 0 ? -1 : bytes.length);
    if (!bodiless) {
      body.write(bytes);
    }
    body.flush();
  }

  /** A response without a body. */
  void empty(int status) throws IOException {
    body = exchange.getResponseBody();
    exchange.sendResponseHeaders(status, -1);
  }

  /** Starts a chunked body of {@code contentType}; the headers reach the client at once. */
  void startChunked(int status, String contentType) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    if (contentType.equals(EVENT_STREAM)) {
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    }
    body = exchange.getResponseBody();
    exchange.sendResponseHeaders(status, 0);
    body.flush();
  }

  /** Starts a body of exactly {@code length} bytes of {@code contentType}. */
  void startFixed(int status, String contentType, long length) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    body = exchange.getResponseBody();
    exchange.sendResponseHeaders(status, length);
  }

  /** Writes {@code bytes} and flushes them to the client. */
  void send(byte[] bytes) throws IOException {
    body.write(bytes);
    body.flush();
  }

  /** Writes {@code bytes} without flushing (for long bodies written in pieces). */
  void write(byte[] bytes) throws IOException {
    body.write(bytes);
  }

  /** Ends the response normally (a chunked body gets its last chunk). */
  void finish() {
    exchange.close();
  }

  private boolean isHead() {
    return exchange.getRequestMethod().equalsIgnoreCase("HEAD");
  }
}
