package io.channelmonitor.probe;

import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.answering;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.closedPort;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.config;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.guard;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.requestHeader;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.channelmonitor.LogCapture;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.ConnectSpy;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Server;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API key sent in headers never shows up in an exception message or a log line. */
class HttpClientProbeTransportSecretTest {
  private static final String KEY = "sk-test-Zq8v4LkT2mN7pR1xW9yB3cD5";
  private static final String GOOGLE_KEY = "AIzaTestKey0123456789abcdefghijklmnop";

  private static Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + KEY);
    headers.put("x-api-key", KEY);
    headers.put("x-goog-api-key", GOOGLE_KEY);
    headers.put("Content-Type", "application/json");
    return headers;
  }

  private static ProbeRequest post(String url) {
    return new ProbeRequest("POST", url, headers(), "{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keyNeverAppearsInMessagesOrLogs() throws Exception {
    ConnectSpy spy = new ConnectSpy();
    List<String> messages = new ArrayList<>();
    int closedPort = closedPort();
    Server echo =
        Server.start(
            exchange -> {
              String auth = requestHeader(exchange, "Authorization");
              respond(401, "{\"error\":\"invalid key " + auth + "\"}").handle(exchange);
            });
    HttpClientProbeTransportRawServer silent =
        new HttpClientProbeTransportRawServer(HttpClientProbeTransportRawServer.silent());
    try (LogCapture logs = LogCapture.start();
        HttpClientProbeTransport transport =
            new HttpClientProbeTransport(
                guard(answering(Map.of("internal.test", List.of("10.0.0.1")))), config(), spy)) {
      messages.add(failure(transport, "http://127.0.0.1:" + closedPort + "/", r -> 1));
      messages.add(failure(transport, "http://internal.test/", r -> 1));
      messages.add(failure(transport, "http://10.0.0.1/", r -> 1));
      messages.add(failure(transport, "http://nowhere.test/", r -> 1));
      messages.add(failure(transport, silent.url("/"), r -> 1));
      // A handler that fails with a message quoting the upstream body, which echoes the key.
      messages.add(
          failure(
              transport,
              echo.url("/"),
              r -> {
                throw new IOException(
                    "Unexpected token in: " + new String(r.body().readAllBytes(), "UTF-8"));
              }));
      assertThat(logs.size()).isPositive();
      for (String text : List.of(String.join("\n", messages), logs.text())) {
        assertThat(text).doesNotContain(KEY).doesNotContain(GOOGLE_KEY).doesNotContain("10.0.0.1");
      }
    } finally {
      echo.close();
      silent.close();
    }
    assertThat(messages.get(5)).startsWith("PROTOCOL: Unexpected token in: ").contains("***");
    assertThat(spy.sawNonLoopback()).isFalse();
  }

  private static String failure(
      HttpClientProbeTransport transport, String url, ResponseHandler<?> handler) {
    try {
      transport.exchange(post(url), Duration.ofMillis(700), handler);
    } catch (ProbeException e) {
      return e.kind() + ": " + e.getMessage();
    }
    return fail("expected a ProbeException for " + url);
  }
}
