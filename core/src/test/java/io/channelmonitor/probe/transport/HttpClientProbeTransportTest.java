package io.channelmonitor.probe;

import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.TIMEOUT;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.answering;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.closedPort;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.config;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.endlessBody;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.guard;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.kindAndMessage;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.requestHeader;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.respond;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.FailureKind;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exchanges, the body cap, redirects, pings and the lifecycle of the HttpClient transport. */
class HttpClientProbeTransportTest {
  @RegisterExtension
  final HttpClientProbeTransportHarness harness = new HttpClientProbeTransportHarness();

  private static ProbeRequest post(String url, Map<String, String> headers, String body) {
    return new ProbeRequest("POST", url, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A POST of {@code {}} without extra headers. */
  private static ProbeRequest post(String url) {
    return post(url, Map.of(), "{}");
  }

  @Test
  void okBodyIsReadAndRequestIsSentAsGiven() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    Server server =
        harness.server(
            exchange -> {
              String body = new String(exchange.getRequestBody().readAllBytes(), "UTF-8");
              seen.set(
                  exchange.getRequestMethod()
                      + " "
                      + exchange.getRequestURI()
                      + " "
                      + body
                      + " ua="
                      + requestHeader(exchange, "User-Agent")
                      + " ct="
                      + requestHeader(exchange, "Content-Type")
                      + " ae="
                      + requestHeader(exchange, "Accept-Encoding")
                      + " host="
                      + requestHeader(exchange, "Host"));
              exchange.getResponseHeaders().add("X-Answer", "42");
              respond(200, "{\"ok\":true}").handle(exchange);
            });
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Host", "evil.example");
    headers.put("Accept-Encoding", "gzip");

    String body =
        harness
            .transport()
            .exchange(
                post(server.url("/v1/chat?x=1"), headers, "{\"q\":1}"),
                TIMEOUT,
                r -> {
                  assertThat(r.status()).isEqualTo(200);
                  assertThat(r.header("x-answer")).contains("42");
                  assertThat(r.header("X-Missing")).isEmpty();
                  String text = text(r);
                  assertThat(r.truncated()).isFalse();
                  return text;
                });

    assertThat(body).isEqualTo("{\"ok\":true}");
    assertThat(seen.get())
        .isEqualTo(
            "POST /v1/chat?x=1 {\"q\":1} ua=channel-monitor/0.1 ct=application/json"
                + " ae=identity host=127.0.0.1:"
                + server.port());
    assertThat(harness.spy.seen).hasSize(1);
  }

  @Test
  void requestUserAgentWins() throws Exception {
    AtomicReference<String> ua = new AtomicReference<>();
    Server server =
        harness.server(
            exchange -> {
              ua.set(requestHeader(exchange, "User-Agent"));
              respond(204, "").handle(exchange);
            });
    int status =
        harness
            .transport()
            .exchange(
                post(server.url("/"), Map.of("user-agent", "custom/1"), "{}"),
                TIMEOUT,
                ProbeResponse::status);
    assertThat(status).isEqualTo(204);
    assertThat(ua.get()).isEqualTo("custom/1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {400, 401, 404, 429, 500, 503})
  void errorBodiesGoToTheHandler(int status) throws Exception {
    Server server = harness.server(respond(status, "{\"error\":\"e" + status + "\"}"));
    String seen =
        harness
            .transport()
            .exchange(post(server.url("/")), TIMEOUT, r -> r.status() + " " + text(r));
    assertThat(seen).isEqualTo(status + " {\"error\":\"e" + status + "\"}");
  }

  @Test
  void redirectIsReturnedAndNotFollowed() throws Exception {
    Server target = harness.server(respond(200, "moved here"));
    Server server =
        harness.server(
            exchange -> {
              exchange.getResponseHeaders().add("Location", target.url("/next"));
              respond(302, "").handle(exchange);
            });
    String seen =
        harness
            .transport()
            .exchange(
                post(server.url("/")),
                TIMEOUT,
                r -> r.status() + " " + r.header("Location").orElse("-"));
    assertThat(seen).isEqualTo("302 " + target.url("/next"));
    assertThat(target.hits).hasValue(0);
  }

  @Test
  void endlessBodyIsCutAtTheCapAndTheConnectionIsClosedNotDrained() throws Exception {
    Server server = harness.server(endlessBody());
    HttpClientProbeTransport transport = harness.transport(config().withMaxResponseBytes(4096));
    long start = System.nanoTime();
    int[] result =
        transport.exchange(
            post(server.url("/")),
            TIMEOUT,
            r -> {
              byte[] all = r.body().readAllBytes();
              assertThat(r.body().read()).isEqualTo(-1);
              return new int[] {all.length, r.truncated() ? 1 : 0};
            });
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(result[0]).isEqualTo(4096);
    assertThat(result[1]).isEqualTo(1);
    // Draining an endless body would run into the 5 s deadline.
    assertThat(millis).isLessThan(4000);
    // The pool still works afterwards.
    Server other = harness.server(respond(200, "after"));
    assertThat(
            transport.exchange(
                post(other.url("/")), TIMEOUT, HttpClientProbeTransportFixtures::text))
        .isEqualTo("after");
  }

  @Test
  void bodyOfExactlyTheCapIsNotTruncated() throws Exception {
    Server server = harness.server(respond(200, "y".repeat(1024)));
    boolean[] truncated = new boolean[1];
    String body =
        harness
            .transport(config().withMaxResponseBytes(1024))
            .exchange(
                post(server.url("/")),
                TIMEOUT,
                r -> {
                  String t = text(r);
                  truncated[0] = r.truncated();
                  return t;
                });
    assertThat(body).hasSize(1024);
    assertThat(truncated[0]).isFalse();
  }

  @Test
  void largeFiniteBodyIsCutWithBoundedReads() throws Exception {
    Server server =
        harness.server(
            exchange -> {
              byte[] chunk = new byte[64 * 1024];
              exchange.sendResponseHeaders(200, 160L * chunk.length);
              try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 160; i++) {
                  out.write(chunk);
                }
              } catch (IOException expected) {
                // the client stopped reading
              }
            });
    long total =
        harness
            .transport(config().withMaxResponseBytes(2048))
            .exchange(
                post(server.url("/")),
                TIMEOUT,
                r -> {
                  long n = 0;
                  byte[] buffer = new byte[512];
                  for (int read; (read = r.body().read(buffer)) >= 0; ) {
                    n += read;
                  }
                  assertThat(r.truncated()).isTrue();
                  return n;
                });
    assertThat(total).isEqualTo(2048);
  }

  @Test
  void handlerIoErrorIsProtocolWithItsMessage() throws Exception {
    Server server = harness.server(respond(200, "not json"));
    assertThatThrownBy(
            () ->
                harness
                    .transport()
                    .exchange(
                        post(server.url("/")),
                        TIMEOUT,
                        r -> {
                          throw new IOException("Unrecognized token 'not'");
                        }))
        .isInstanceOfSatisfying(
            ProbeException.class, kindAndMessage(FailureKind.PROTOCOL, "Unrecognized token 'not'"));
  }

  @Test
  void handlerRuntimeErrorPropagatesAndTheConnectionIsReleased() throws Exception {
    Server server = harness.server(respond(200, "x".repeat(5000)));
    HttpClientProbeTransport transport = harness.transport(config().withMaxConnections(1));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(
              () ->
                  transport.exchange(
                      post(server.url("/")),
                      TIMEOUT,
                      r -> {
                        throw new IllegalStateException("bug");
                      }))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(transport.exchange(post(server.url("/")), TIMEOUT, ProbeResponse::status))
        .isEqualTo(200);
  }

  @Test
  void closedPortIsConnect() throws Exception {
    int port = closedPort();
    assertThatThrownBy(
            () ->
                harness
                    .transport()
                    .exchange(
                        post("http://127.0.0.1:" + port + "/"), TIMEOUT, ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class, kindAndMessage(FailureKind.CONNECT, "connection refused"));
  }

  @Test
  void unresolvableNameIsConnect() {
    assertThatThrownBy(
            () ->
                harness
                    .transport()
                    .exchange(post("http://nowhere.test:9/"), TIMEOUT, ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class,
            kindAndMessage(FailureKind.CONNECT, "host could not be resolved"));
    assertThat(harness.spy.seen).isEmpty();
  }

  @Test
  void badRequestsAreRefusedBeforeAnyConnect() {
    HttpClientProbeTransport transport = harness.transport();
    assertThatThrownBy(
            () ->
                transport.exchange(
                    post("http://127.0.0.1:9/", Map.of("X-Bad", "a\r\nInjected: 1"), "{}"),
                    TIMEOUT,
                    ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.INTERNAL));
    assertThatThrownBy(
            () ->
                transport.exchange(
                    new ProbeRequest("TRACE", "http://127.0.0.1:9/", Map.of(), null),
                    TIMEOUT,
                    ProbeResponse::status))
        .isInstanceOf(ProbeException.class);
    assertThatThrownBy(
            () ->
                transport.exchange(
                    post("http://user@127.0.0.1:9/"), TIMEOUT, ProbeResponse::status))
        .isInstanceOf(ProbeException.class);
    assertThatThrownBy(
            () -> transport.exchange(post("ftp://127.0.0.1:9/"), TIMEOUT, ProbeResponse::status))
        .isInstanceOfSatisfying(
            ProbeException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BLOCKED));
    assertThat(harness.spy.seen).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {200, 204, 301, 404, 500})
  void pingCountsAnyStatus(int status) throws Exception {
    Server server = harness.server(respond(status, ""));
    java.util.OptionalLong ms =
        harness.transport().ping("http://127.0.0.1:" + server.port(), TIMEOUT);
    assertThat(ms).isPresent();
    assertThat(ms.getAsLong()).isBetween(0L, 5000L);
  }

  @Test
  void pingUsesHead() throws Exception {
    AtomicReference<String> method = new AtomicReference<>();
    Server server =
        harness.server(
            exchange -> {
              method.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
              respond(200, "").handle(exchange);
            });
    assertThat(harness.transport().ping("http://127.0.0.1:" + server.port(), TIMEOUT)).isPresent();
    assertThat(method.get()).isEqualTo("HEAD /");
  }

  @Test
  void pingOfAClosedPortIsEmpty() throws Exception {
    int port = closedPort();
    assertThat(harness.transport().ping("http://127.0.0.1:" + port, TIMEOUT)).isEmpty();
    assertThat(harness.transport().ping("http://10.0.0.1:9", TIMEOUT)).isEmpty();
  }

  @Test
  void closeIsIdempotentAndLeavesNoDeadlineThread() throws Exception {
    Server server = harness.server(respond(200, "ok"));
    HttpClientProbeTransport transport =
        new HttpClientProbeTransport(guard(answering(Map.of())), config(), harness.spy);
    transport.exchange(post(server.url("/")), TIMEOUT, HttpClientProbeTransportFixtures::text);
    assertThat(deadlineThreads()).isNotEmpty();
    transport.close();
    transport.close();
    assertThat(deadlineThreads()).isEmpty();
    assertThatThrownBy(() -> transport.exchange(post(server.url("/")), TIMEOUT, r -> 1))
        .isInstanceOf(IllegalStateException.class);
    assertThat(transport.ping(server.url("/"), TIMEOUT)).isEmpty();
  }

  private static List<Thread> deadlineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(DeadlineTimer.THREAD_NAME) && t.isAlive())
        .toList();
  }

  @Test
  void fiftyConcurrentExchangesShareAPoolOfFour() throws Exception {
    java.util.concurrent.atomic.AtomicInteger inFlight =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger maxInFlight =
        new java.util.concurrent.atomic.AtomicInteger();
    Server server =
        harness.server(
            exchange -> {
              maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              try {
                Thread.sleep(20);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                inFlight.decrementAndGet();
              }
              respond(200, "ok").handle(exchange);
            });
    HttpClientProbeTransport transport = harness.transport(config().withMaxConnections(4));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(
            pool.submit(
                () ->
                    transport.exchange(
                        post(server.url("/")),
                        Duration.ofSeconds(20),
                        HttpClientProbeTransportFixtures::text)));
      }
      for (Future<String> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("ok");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.hits).hasValue(50);
    assertThat(maxInFlight.get()).isBetween(1, 4);
  }

  @Test
  void bodyStreamIsTheSameInstanceAndEmptyForHead() throws Exception {
    Server server = harness.server(respond(200, "abc"));
    harness
        .transport()
        .exchange(
            new ProbeRequest("HEAD", server.url("/"), Map.of(), null),
            TIMEOUT,
            r -> {
              InputStream first = r.body();
              assertThat(r.body()).isSameAs(first);
              assertThat(first.read()).isEqualTo(-1);
              assertThat(r.truncated()).isFalse();
              return null;
            });
  }
}
