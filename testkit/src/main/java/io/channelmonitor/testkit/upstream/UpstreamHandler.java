package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every request: records it, answers pings, routes, checks the key and the body, and hands
 * the request to the scripted behaviour. Thread-safe.
 */
final class UpstreamHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamHandler.class);
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final ScriptBook scripts;
  private final Queue<RecordedRequest> requests;
  private final AtomicReference<String> requiredKey;
  private final String basePath;
  private final BehaviourPlayer player;
  private final Router router = new Router();
  private final ObjectMapper mapper = new ObjectMapper();

  UpstreamHandler(
      ScriptBook scripts,
      Queue<RecordedRequest> requests,
      AtomicReference<String> requiredKey,
      String basePath,
      BehaviourPlayer player) {
    this.scripts = scripts;
    this.requests = requests;
    this.requiredKey = requiredKey;
    this.basePath = basePath;
    this.player = player;
  }

  /**
   * Answers normally or throws: an {@link IOException} (an abort on purpose, a client gone) leaves
   * the response unfinished and the JDK server drops the connection.
   */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    HttpOut out = new HttpOut(exchange);
    try {
      respond(exchange, out);
    } catch (RuntimeException e) {
      LOG.warn("fake upstream failed on {}", exchange.getRequestURI().getRawPath(), e);
      if (out.started()) {
        throw new AbortConnection("failed after the headers");
      }
      String error = ErrorShapes.openAi(ErrorKind.SERVER, "fake upstream failed").toString();
      out.json(500, error, Map.of());
    }
    exchange.close();
  }

  private void respond(HttpExchange exchange, HttpOut out) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
    RecordedRequest request = record(exchange, body);
    if (request.method().equals("HEAD")) {
      out.empty(200);
      return;
    }
    String rawPath = exchange.getRequestURI().getRawPath();
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    Optional<Route> route = localPath(rawPath).flatMap(path -> router.route(path, query));
    if (route.isEmpty()) {
      String message = "Invalid URL (" + request.method() + " " + rawPath + ")";
      reject(out, router.errorShapeFor(rawPath), ErrorKind.NOT_FOUND, message);
      return;
    }
    Protocol protocol = route.get().protocol();
    if (!request.method().equals("POST")) {
      String message = "Method " + request.method() + " is not allowed on " + rawPath;
      reject(out, protocol, ErrorKind.METHOD_NOT_ALLOWED, message);
      return;
    }
    if (body.length > MAX_BODY_BYTES) {
      reject(out, protocol, ErrorKind.TOO_LARGE, "Request body too large");
      return;
    }
    Optional<String> key = protocol.apiKey(request);
    Optional<Refusal> refusal = refusal(request, route.get(), key);
    if (refusal.isPresent()) {
      reject(out, protocol, refusal.get().kind(), refusal.get().message());
      return;
    }
    answer(request, route.get(), key.orElseThrow(), out);
  }

  /** Why the request is refused before any behaviour plays, if it is. */
  private Optional<Refusal> refusal(RecordedRequest request, Route route, Optional<String> key) {
    if (key.isEmpty()) {
      String message = "Missing API key: " + route.protocol().name() + " needs one.";
      return Optional.of(new Refusal(ErrorKind.UNAUTHENTICATED, message));
    }
    String required = requiredKey.get();
    if (required != null && !required.equals(key.get())) {
      return Optional.of(new Refusal(ErrorKind.UNAUTHENTICATED, "Incorrect API key provided."));
    }
    Optional<String> headerProblem = route.protocol().headerProblem(request);
    if (headerProblem.isPresent()) {
      return Optional.of(new Refusal(ErrorKind.BAD_REQUEST, headerProblem.get()));
    }
    if (route.pathStream() && !route.hasQueryParameter("alt", "sse")) {
      String message = "The fake upstream streams Gemini only with alt=sse.";
      return Optional.of(new Refusal(ErrorKind.BAD_REQUEST, message));
    }
    return Optional.empty();
  }

  private void answer(RecordedRequest request, Route route, String key, HttpOut out)
      throws IOException {
    Protocol protocol = route.protocol();
    JsonNode body;
    try {
      body = mapper.readTree(request.body());
    } catch (JsonProcessingException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      reject(out, protocol, ErrorKind.BAD_REQUEST, "The request body is not a JSON object.");
      return;
    }
    Optional<String> model = protocol.model(route, body);
    if (model.isEmpty()) {
      reject(out, protocol, ErrorKind.BAD_REQUEST, "The request names no model.");
      return;
    }
    String prompt = ChallengeSolver.promptOf(body);
    Step step = scripts.next(model.get());
    String token = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    Call call = new Call(token, model.get(), Instant.now().getEpochSecond(), Call.tokens(prompt));
    boolean streaming = protocol.streaming(route, body);
    LOG.debug(
        "fake upstream: {} model={} stream={} plays {}",
        protocol.name(),
        model.get(),
        streaming,
        step);
    player.play(new Turn(protocol, step, call, streaming, prompt, key, out));
  }

  private RecordedRequest record(HttpExchange exchange, byte[] body) {
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String path = exchange.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
    RecordedRequest request =
        new RecordedRequest(
            exchange.getRequestMethod().toUpperCase(Locale.ROOT),
            path,
            exchange.getRequestHeaders(),
            new String(body, StandardCharsets.UTF_8));
    requests.add(request);
    return request;
  }

  /** {@code rawPath} below the base path, if it is below it. */
  private Optional<String> localPath(String rawPath) {
    if (basePath.isEmpty()) {
      return Optional.of(rawPath);
    }
    return rawPath.startsWith(basePath + "/")
        ? Optional.of(rawPath.substring(basePath.length()))
        : Optional.empty();
  }

  private static void reject(HttpOut out, Protocol protocol, ErrorKind kind, String message)
      throws IOException {
    LOG.debug("fake upstream refused a request: {} {}", kind.status(), message);
    out.json(kind.status(), protocol.error(kind, message).toString(), Map.of());
  }

  private record Refusal(ErrorKind kind, String message) {}
}
