package io.channelmonitor.testkit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error statuses, errors in 200 bodies and broken bodies and streams. */
class ErrorBehavioursTest {
  private final FakeUpstream upstream = FakeUpstream.start();
  private final Http http = new Http(upstream);
  private final Quiz quiz = Quiz.whichAnimal();

  @AfterEach
  void close() {
    upstream.close();
  }

  @Test
  void statusSendsAnyCodeWithTheBodyAsJson() {
    upstream.script("m", Behaviour.status(503, "{\"oops\":true}"));

    HttpResponse<String> response = send(Api.CHAT, false);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"oops\":true}");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
  }

  @Test
  void statusAnswersAStreamRequestWithoutAStream() {
    upstream.script("m", Behaviour.status(500, "not even json"));

    HttpResponse<String> response = send(Api.ANTHROPIC, true);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("not even json");
  }

  @Test
  void status204HasNoBody() {
    upstream.script("m", Behaviour.status(204, "ignored"));

    HttpResponse<String> response = send(Api.CHAT, false);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void rateLimitedIsA429WithRetryAfterAndTheProvidersBody(Api api) {
    upstream.script("m", Behaviour.rateLimited(7));

    HttpResponse<String> response = send(api, false);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("retry-after")).hasValue("7");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    Map<Api, String> types =
        Map.of(
            Api.CHAT, "requests",
            Api.RESPONSES, "requests",
            Api.ANTHROPIC, "rate_limit_error",
            Api.GEMINI, "RESOURCE_EXHAUSTED");
    assertThat(api.errorType(Sse.json(response.body()))).isEqualTo(types.get(api));
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void errorInBodyIsA200CarryingTheProvidersErrorObject(Api api) {
    upstream.script("m", Behaviour.errorInBody());

    for (boolean stream : List.of(false, true)) {
      HttpResponse<String> response = send(api, stream);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
      JsonNode body = Sse.json(response.body());
      Map<Api, String> types =
          Map.of(
              Api.CHAT, "server_error",
              Api.RESPONSES, "server_error",
              Api.ANTHROPIC, "api_error",
              Api.GEMINI, "INTERNAL");
      assertThat(api.errorType(body)).isEqualTo(types.get(api));
      assertThat(api.errorMessage(body)).isNotBlank();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void echoKeyInErrorQuotesTheRequestsKeyInA401(Api api) {
    upstream.script("m", Behaviour.echoKeyInError());

    HttpResponse<String> response =
        http.send(api.request(upstream, "m", quiz.prompt(), false, "sk-leaky-secret-42"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("sk-leaky-secret-42");
    assertThat(api.errorType(Sse.json(response.body()))).isNotEmpty();
  }

  @Test
  void redirectIsA302WithTheLocation() {
    upstream.script("m", Behaviour.redirect("https://elsewhere.test/v1/chat/completions"));

    HttpResponse<String> response = send(Api.CHAT, false);

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("location"))
        .hasValue("https://elsewhere.test/v1/chat/completions");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void malformedJsonIsA200ThatDoesNotParse(Api api) {
    upstream.script("m", Behaviour.malformedJson());

    HttpResponse<String> response = send(api, false);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.body()).startsWith("{");
    assertThatThrownBy(() -> Sse.json(response.body())).isInstanceOf(UncheckedIOException.class);
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void malformedJsonInAStreamIsOneBrokenDataLine(Api api) {
    upstream.script("m", Behaviour.malformedJson());

    Http.Exchange read = stream(api);

    List<Sse.Event> events = Sse.parse(read.text());
    assertThat(read.broken()).isFalse();
    assertThat(events)
        .filteredOn(event -> !event.isJson() && !event.data().equals("[DONE]"))
        .singleElement()
        .satisfies(event -> assertThat(event.data()).startsWith("{"));
    assertThat(api.ended(events)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void errorEventMidStreamSendsOneDeltaThenTheProvidersErrorEvent(Api api) {
    upstream.script("m", Behaviour.errorEventMidStream());

    Http.Exchange read = stream(api);

    List<Sse.Event> events = Sse.parse(read.text());
    assertThat(read.broken()).isFalse();
    assertThat(api.streamedAnswer(events)).isNotEmpty().isNotEqualTo("Owl.");
    assertThat(quiz.reply()).startsWith(api.streamedAnswer(events));
    assertThat(api.ended(events)).isFalse();
    Sse.Event last = events.get(events.size() - 1);
    switch (api) {
      case CHAT -> assertThat(api.errorType(last.json())).isEqualTo("server_error");
      case RESPONSES -> {
        assertThat(events).anyMatch(event -> "error".equals(event.name()));
        assertThat(last.name()).isEqualTo("response.failed");
        assertThat(last.json().path("response").path("status").asText()).isEqualTo("failed");
      }
      case ANTHROPIC -> {
        assertThat(last.name()).isEqualTo("error");
        assertThat(api.errorType(last.json())).isEqualTo("overloaded_error");
      }
      case GEMINI -> assertThat(api.errorType(last.json())).isEqualTo("INTERNAL");
    }
  }

  @Test
  void errorEventMidStreamWithoutAStreamIsAnErrorInTheBody() {
    upstream.script("m", Behaviour.errorEventMidStream());

    HttpResponse<String> response = send(Api.CHAT, false);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Api.CHAT.errorType(Sse.json(response.body()))).isEqualTo("server_error");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void truncatedStreamSendsOneDeltaThenDropsTheConnection(Api api) {
    upstream.script("m", Behaviour.truncatedStream());

    Http.Exchange read = stream(api);

    List<Sse.Event> events = Sse.parse(read.text());
    assertThat(read.broken()).isTrue();
    assertThat(api.streamedAnswer(events)).isNotEmpty().isNotEqualTo("Owl.");
    assertThat(quiz.reply()).startsWith(api.streamedAnswer(events));
    assertThat(api.ended(events)).isFalse();
    if (api == Api.GEMINI) {
      assertThat(Sse.trailing(read.text())).startsWith("data: {").doesNotEndWith("}");
    } else {
      assertThat(Sse.trailing(read.text())).isEmpty();
    }
  }

  @Test
  void truncatedWithoutAStreamSendsHalfTheDeclaredBody() {
    upstream.script("m", Behaviour.truncatedStream());

    assertThatThrownBy(() -> send(Api.RESPONSES, false)).isInstanceOf(UncheckedIOException.class);
    Http.Exchange read = http.exchange(Api.RESPONSES.request(upstream, "m", quiz.prompt(), false));
    int declared = Integer.parseInt(read.header("content-length"));
    assertThat(read.broken()).isTrue();
    assertThat(read.text().length()).isEqualTo(declared / 2);
  }

  private HttpResponse<String> send(Api api, boolean stream) {
    return http.send(api.request(upstream, "m", quiz.prompt(), stream));
  }

  private Http.Exchange stream(Api api) {
    Http.Exchange exchange = http.exchange(api.request(upstream, "m", quiz.prompt(), true));
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.header("content-type")).isEqualTo("text/event-stream");
    return exchange;
  }
}
