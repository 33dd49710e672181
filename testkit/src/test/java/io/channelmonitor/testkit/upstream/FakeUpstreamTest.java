package io.channelmonitor.testkit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lifecycle, addresses, TLS, routing, keys and request recording. */
class FakeUpstreamTest {
  private final Quiz quiz = Quiz.whichAnimal();

  @Test
  void listensOnLoopbackOnly() throws Exception {
    try (FakeUpstream http = FakeUpstream.start();
        FakeUpstream https = FakeUpstream.builder().https(true).build()) {
      assertThat(http.endpoint()).isEqualTo("http://127.0.0.1:" + http.port());
      assertThat(https.endpoint()).isEqualTo("https://127.0.0.1:" + https.port());
      assertThat(http.https()).isFalse();
      assertThat(https.https()).isTrue();
      assertThat(http.port()).isPositive().isNotEqualTo(https.port());
      InetAddress host = InetAddress.getByName(URI.create(https.endpoint()).getHost());
      assertThat(host.isLoopbackAddress()).isTrue();
      assertThat(http.toString()).contains(http.endpoint());
    }
  }

  @Test
  void listensOnAChosenPort() throws IOException {
    int free;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      free = probe.getLocalPort();
    }
    try (FakeUpstream upstream = FakeUpstream.builder().port(free).build()) {
      assertThat(upstream.port()).isEqualTo(free);
      assertThat(upstream.endpoint()).isEqualTo("http://127.0.0.1:" + free);
      assertThatThrownBy(() -> FakeUpstream.builder().port(free).build())
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void closeEndsAStalledRequestAtOnceAndLeavesNoServerThread() throws Exception {
    FakeUpstream upstream = FakeUpstream.builder().https(true).build();
    upstream.scriptDefault(Behaviour.stall());
    Http http = new Http(upstream);
    Http.Recorder first = http.start(Api.CHAT.request(upstream, "m", quiz.prompt(), true));
    Http.Recorder second = http.start(Api.GEMINI.request(upstream, "m", quiz.prompt(), false));
    first.headers().get(10, TimeUnit.SECONDS);
    second.headers().get(10, TimeUnit.SECONDS);
    assertThat(upstream.liveThreads()).isNotEmpty();

    long start = System.nanoTime();
    upstream.close();
    long closeMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(closeMillis).isLessThan(5_000);
    assertThat(first.done().get(10, TimeUnit.SECONDS).broken()).isTrue();
    assertThat(second.done().get(10, TimeUnit.SECONDS).broken()).isTrue();
    assertThat(upstream.liveThreads()).isEmpty();
    assertThat(upstream.requests()).hasSize(2);
    upstream.close();
  }

  @Test
  void closeEndsASlowAnswerAndRefusesNewConnections() throws Exception {
    FakeUpstream upstream = FakeUpstream.start();
    upstream.scriptDefault(Behaviour.slowHeaders(Duration.ofMinutes(5)));
    Http http = new Http(upstream);
    Http.Recorder waiting = http.start(Api.ANTHROPIC.request(upstream, "m", quiz.prompt(), false));
    awaitRequests(upstream, 1);

    upstream.close();

    assertThat(waiting.done()).failsWithin(Duration.ofSeconds(10));
    assertThat(upstream.liveThreads()).isEmpty();
    assertThatThrownBy(() -> http.send(Api.CHAT.request(upstream, "m", quiz.prompt(), false)))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void trustsOnlyWithTheFakesTrustMaterial() throws Exception {
    try (FakeUpstream upstream = FakeUpstream.builder().https(true).build()) {
      KeyStore trust = upstream.trustStore();

      assertThat(trust.size()).isEqualTo(1);
      assertThat(trust.getCertificate(trust.aliases().nextElement()))
          .isEqualTo(upstream.certificate());
      assertThat(upstream.certificate().getSubjectX500Principal().getName())
          .isEqualTo("CN=localhost");
      assertThat(upstream.certificate().getSubjectAlternativeNames())
          .extracting(name -> (Object) name.get(1))
          .contains("localhost", "127.0.0.1", "fake.test");
      HttpClient untrusting = HttpClient.newHttpClient();
      assertThatThrownBy(
              () ->
                  untrusting.send(
                      Api.CHAT.request(upstream, "m", quiz.prompt(), false),
                      HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void aMissingKeyIsA401InTheProvidersShape(Api api) {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      HttpResponse<String> response =
          new Http(upstream).send(api.request(upstream, "m", quiz.prompt(), false, null));

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(api.errorType(Sse.json(response.body())))
          .isIn("invalid_request_error", "authentication_error", "UNAUTHENTICATED");
    }
  }

  @Test
  void anEmptyBearerTokenIsNoKey() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      HttpRequest request =
          Api.CHAT
              .builder(upstream, "m", false, null)
              .header("Authorization", "Bearer   ")
              .POST(HttpRequest.BodyPublishers.ofString(Api.CHAT.body("m", quiz.prompt(), false)))
              .build();

      assertThat(new Http(upstream).send(request).statusCode()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void requireKeyRefusesEveryOtherKey(Api api) {
    try (FakeUpstream upstream = FakeUpstream.builder().requireKey("sk-right").build()) {
      Http http = new Http(upstream);

      HttpResponse<String> wrong =
          http.send(api.request(upstream, "m", quiz.prompt(), false, "sk-wrong"));
      HttpResponse<String> right =
          http.send(api.request(upstream, "m", quiz.prompt(), false, "sk-right"));
      upstream.requireKey(null);
      HttpResponse<String> any = http.send(api.request(upstream, "m", quiz.prompt(), false, "x"));

      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).doesNotContain("sk-wrong");
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(any.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anthropicNeedsItsVersionHeader() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(upstream.endpoint() + "/v1/messages"))
              .header("x-api-key", Api.KEY)
              .POST(HttpRequest.BodyPublishers.ofString(Api.ANTHROPIC.body("m", "hi", false)))
              .build();

      HttpResponse<String> response = new Http(upstream).send(request);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Api.ANTHROPIC.errorType(Sse.json(response.body())))
          .isEqualTo("invalid_request_error");
      assertThat(Api.ANTHROPIC.errorMessage(Sse.json(response.body())))
          .contains("anthropic-version");
    }
  }

  @Test
  void unknownPathsAre404sAndOtherMethods405s() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      Http http = new Http(upstream);

      HttpResponse<String> unknown = http.send(post(upstream, "/v1/completions", "{}"));
      HttpResponse<String> gemini = http.send(post(upstream, "/v1beta/models/m:countTokens", "{}"));
      HttpResponse<String> get =
          http.send(
              HttpRequest.newBuilder(URI.create(upstream.endpoint() + "/v1/responses")).build());

      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(Api.CHAT.errorMessage(Sse.json(unknown.body()))).contains("/v1/completions");
      assertThat(gemini.statusCode()).isEqualTo(404);
      assertThat(Api.GEMINI.errorType(Sse.json(gemini.body()))).isEqualTo("NOT_FOUND");
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(get.headers().firstValue("content-type")).hasValue("application/json");
    }
  }

  @Test
  void headAnswersAnyPathWithAnEmpty200() {
    try (FakeUpstream upstream = FakeUpstream.builder().https(true).build()) {
      HttpRequest head =
          HttpRequest.newBuilder(URI.create(upstream.endpoint() + "/anything"))
              .method("HEAD", HttpRequest.BodyPublishers.noBody())
              .build();

      HttpResponse<String> response = new Http(upstream).send(head);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEmpty();
      assertThat(upstream.requests())
          .singleElement()
          .satisfies(r -> assertThat(r.method()).isEqualTo("HEAD"));
    }
  }

  @Test
  void refusesBodiesWithoutJsonOrModelAndGeminiStreamsWithoutSse() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      Http http = new Http(upstream);
      HttpRequest notJson =
          Api.CHAT
              .builder(upstream, "m", false, Api.KEY)
              .POST(HttpRequest.BodyPublishers.ofString("{oops"))
              .build();
      HttpRequest noModel =
          Api.RESPONSES
              .builder(upstream, "m", false, Api.KEY)
              .POST(HttpRequest.BodyPublishers.ofString("{\"input\":\"hi\"}"))
              .build();
      HttpRequest noSse =
          HttpRequest.newBuilder(
                  URI.create(upstream.endpoint() + "/v1beta/models/m:streamGenerateContent"))
              .header("x-goog-api-key", Api.KEY)
              .POST(HttpRequest.BodyPublishers.ofString(Api.GEMINI.body("m", "hi", true)))
              .build();

      assertThat(http.send(notJson).statusCode()).isEqualTo(400);
      assertThat(http.send(noModel).statusCode()).isEqualTo(400);
      HttpResponse<String> gemini = http.send(noSse);
      assertThat(gemini.statusCode()).isEqualTo(400);
      assertThat(Api.GEMINI.errorType(Sse.json(gemini.body()))).isEqualTo("INVALID_ARGUMENT");
    }
  }

  @Test
  void geminiModelsComeUrlDecodedFromThePath() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      upstream.script("gemini a+b/c", Behaviour.canned("decoded"));
      HttpRequest request =
          Api.GEMINI
              .builder(upstream, "x", false, Api.KEY)
              .uri(
                  URI.create(
                      upstream.endpoint() + "/v1beta/models/gemini%20a+b%2Fc:generateContent"))
              .POST(HttpRequest.BodyPublishers.ofString(Api.GEMINI.body("x", "hi", false)))
              .build();

      HttpResponse<String> response = new Http(upstream).send(request);

      assertThat(Api.GEMINI.answer(Sse.json(response.body()))).isEqualTo("decoded");
    }
  }

  @Test
  void servesBelowABasePath() {
    try (FakeUpstream upstream = FakeUpstream.builder().basePath("/relay/openai").build()) {
      Http http = new Http(upstream);

      HttpResponse<String> inside =
          http.send(Api.CHAT.request(upstream, "m", quiz.prompt(), false));
      HttpResponse<String> outside =
          http.send(
              Api.CHAT
                  .builder(upstream, "m", false, Api.KEY)
                  .uri(URI.create("http://127.0.0.1:" + upstream.port() + "/v1/chat/completions"))
                  .POST(HttpRequest.BodyPublishers.ofString(Api.CHAT.body("m", "hi", false)))
                  .build());

      assertThat(upstream.endpoint()).endsWith(upstream.port() + "/relay/openai");
      assertThat(inside.statusCode()).isEqualTo(200);
      assertThat(Api.CHAT.answer(Sse.json(inside.body()))).isEqualTo(quiz.reply());
      assertThat(outside.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void recordsEveryRequestWithLowerCaseHeadersAndTheBody() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      Http http = new Http(upstream);
      String body = Api.GEMINI.body("g", quiz.prompt(), true);
      http.send(Api.GEMINI.request(upstream, "g", quiz.prompt(), true));
      http.send(Api.CHAT.request(upstream, "m", quiz.prompt(), false, null));

      assertThat(upstream.requests()).hasSize(2);
      RecordedRequest gemini = upstream.requests().get(0);
      assertThat(gemini.method()).isEqualTo("POST");
      assertThat(gemini.path()).isEqualTo("/v1beta/models/g:streamGenerateContent?alt=sse");
      assertThat(gemini.pathWithoutQuery()).isEqualTo("/v1beta/models/g:streamGenerateContent");
      assertThat(gemini.headers()).containsKey("x-goog-api-key").containsKey("content-type");
      assertThat(gemini.headers().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
      assertThat(gemini.header("X-Goog-Api-Key")).hasValue(Api.KEY);
      assertThat(gemini.headerValues("content-type")).containsExactly("application/json");
      assertThat(gemini.body()).isEqualTo(body);
      assertThat(upstream.requests().get(1).header("authorization")).isEmpty();
      upstream.clearRequests();
      assertThat(upstream.requests()).isEmpty();
    }
  }

  private static HttpRequest post(FakeUpstream upstream, String path, String body) {
    return HttpRequest.newBuilder(URI.create(upstream.endpoint() + path))
        .header("Authorization", "Bearer " + Api.KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static void awaitRequests(FakeUpstream upstream, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (upstream.requests().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(upstream.requests()).hasSize(count);
  }
}
