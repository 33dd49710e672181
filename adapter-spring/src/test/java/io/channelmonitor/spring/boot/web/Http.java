package io.channelmonitor.spring.boot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny JSON client for the tests: the JDK client on loopback, Jackson 2 to read the answers. */
final class Http {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  Http(int port) {
    this(port, null);
  }

  private Http(int port, String authorization) {
    this.base = "http://127.0.0.1:" + port;
    this.authorization = authorization;
  }

  /** A client that sends HTTP basic credentials with every request. */
  static Http basic(int port, String user, String password) {
    String pair = user + ":" + password;
    return new Http(
        port,
        "Basic "
            + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /** An answer: its status, content type, {@code WWW-Authenticate} and body (parsed if JSON). */
  record Answer(int status, String contentType, String challenge, String text) {
    JsonNode json() {
      try {
        return MAPPER.readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text, e);
      }
    }

    JsonNode data() {
      return json().path("data");
    }

    String reason() {
      return json().path("reason").asText();
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Answer post(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).POST(bodyOf(body)));
  }

  Answer put(String path, String body) {
    return send(HttpRequest.newBuilder(uri(path)).PUT(bodyOf(body)));
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static HttpRequest.BodyPublisher bodyOf(String body) {
    return body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
  }

  private Answer send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          client.send(
              request
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON object {@code base} with the fields of {@code extra} added or replaced. */
  static String jsonMap(java.util.Map<String, Object> extra, String base) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode node =
          (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(base);
      extra.forEach((key, value) -> node.set(key, MAPPER.valueToTree(value)));
      return node.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON object from alternating keys and values, values rendered by Jackson. */
  static String json(Object... keysAndValues) {
    com.fasterxml.jackson.databind.node.ObjectNode node = MAPPER.createObjectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      node.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
    }
    return node.toString();
  }
}
