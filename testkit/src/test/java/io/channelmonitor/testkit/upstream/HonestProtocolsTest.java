package io.channelmonitor.testkit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class HonestProtocolsTest {

  static Stream<Arguments> everyProtocolOverBothSchemes() {
    return Stream.of(false, true)
        .flatMap(https -> Stream.of(Api.values()).map(api -> Arguments.of(api, https)));
  }

  /** Each protocol gets another question form, so all three are answered over the wire. */
  private static Quiz quizFor(Api api) {
    return switch (api) {
      case CHAT, GEMINI -> Quiz.whichAnimal();
      case RESPONSES -> Quiz.whereIs();
      case ANTHROPIC -> Quiz.whatColor();
    };
  }

  @ParameterizedTest(name = "{0} https={1}")
  @MethodSource("everyProtocolOverBothSchemes")
  void answersTheChallengeInOneJsonBody(Api api, boolean https) {
    try (FakeUpstream upstream = FakeUpstream.builder().https(https).build()) {
      Quiz quiz = quizFor(api);

      HttpResponse<String> response =
          new Http(upstream).send(api.request(upstream, "model-a", quiz.prompt(), false));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(api.answer(Sse.json(response.body()))).isEqualTo(quiz.reply());
      assertThat(response.uri().getScheme()).isEqualTo(https ? "https" : "http");
    }
  }

  @ParameterizedTest(name = "{0} https={1}")
  @MethodSource("everyProtocolOverBothSchemes")
  void streamsTheChallengeAnswerInAFewDeltas(Api api, boolean https) {
    try (FakeUpstream upstream = FakeUpstream.builder().https(https).build()) {
      Quiz quiz = quizFor(api);

      Http.Exchange read =
          new Http(upstream).exchange(api.request(upstream, "model-a", quiz.prompt(), true));

      assertThat(read.status()).isEqualTo(200);
      assertThat(read.header("content-type")).isEqualTo("text/event-stream");
      assertThat(read.header("transfer-encoding")).isEqualTo("chunked");
      assertThat(read.broken()).isFalse();
      List<Sse.Event> events = Sse.parse(read.text());
      assertThat(api.streamedAnswer(events)).isEqualTo(quiz.reply());
      assertThat(events.stream().filter(event -> !api.textDelta(event, false).isEmpty()))
          .hasSizeGreaterThan(1);
      assertThat(api.ended(events)).isTrue();
      assertThat(Sse.trailing(read.text())).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void answersAPromptThatIsNoQuizWithAGreeting(Api api) {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      HttpResponse<String> response =
          new Http(upstream).send(api.request(upstream, "m", "Say hi.", false));

      assertThat(api.answer(Sse.json(response.body())))
          .isEqualTo("Hello! How can I help you today?");
    }
  }

  @Test
  void chatCompletionHasTheOpenAiShape() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      JsonNode body = sendQuiz(upstream, Api.CHAT);

      assertThat(body.path("id").asText()).startsWith("chatcmpl-");
      assertThat(body.path("object").asText()).isEqualTo("chat.completion");
      assertThat(body.path("model").asText()).isEqualTo("model-a");
      JsonNode choice = body.path("choices").path(0);
      assertThat(choice.path("index").asInt()).isZero();
      assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
      assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
      assertThat(body.path("usage").path("total_tokens").asInt())
          .isEqualTo(
              body.path("usage").path("prompt_tokens").asInt()
                  + body.path("usage").path("completion_tokens").asInt());
    }
  }

  @Test
  void chatStreamStartsWithTheRoleAndEndsWithDone() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      List<Sse.Event> events = streamQuiz(upstream, Api.CHAT);

      assertThat(events).allMatch(event -> event.name() == null);
      JsonNode first = events.get(0).json();
      assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
      assertThat(first.path("choices").path(0).path("delta").path("role").asText())
          .isEqualTo("assistant");
      JsonNode finish = events.get(events.size() - 2).json().path("choices").path(0);
      assertThat(finish.path("finish_reason").asText()).isEqualTo("stop");
      assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
    }
  }

  @Test
  void responsesAnswerHasOutputAndOutputText() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      JsonNode body = sendQuiz(upstream, Api.RESPONSES);

      assertThat(body.path("id").asText()).startsWith("resp_");
      assertThat(body.path("object").asText()).isEqualTo("response");
      assertThat(body.path("status").asText()).isEqualTo("completed");
      assertThat(body.path("output_text").asText()).isEqualTo("Owl.");
      JsonNode message = body.path("output").path(0);
      assertThat(message.path("type").asText()).isEqualTo("message");
      assertThat(message.path("role").asText()).isEqualTo("assistant");
      assertThat(message.path("content").path(0).path("type").asText()).isEqualTo("output_text");
    }
  }

  @Test
  void responsesStreamNamesEveryEventAfterItsTypeAndEndsCompleted() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      List<Sse.Event> events = streamQuiz(upstream, Api.RESPONSES);

      assertThat(events).allMatch(event -> event.name().equals(event.json().path("type").asText()));
      assertThat(events.get(0).name()).isEqualTo("response.created");
      assertThat(events.stream().map(event -> event.json().path("sequence_number").asInt()))
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, events.size()).boxed().toList());
      JsonNode completed = events.get(events.size() - 1).json().path("response");
      assertThat(completed.path("status").asText()).isEqualTo("completed");
      assertThat(completed.path("output_text").asText()).isEqualTo("Owl.");
    }
  }

  @Test
  void anthropicMessageHasTheMessagesShape() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      JsonNode body = sendQuiz(upstream, Api.ANTHROPIC);

      assertThat(body.path("id").asText()).startsWith("msg_");
      assertThat(body.path("type").asText()).isEqualTo("message");
      assertThat(body.path("role").asText()).isEqualTo("assistant");
      assertThat(body.path("content").path(0).path("type").asText()).isEqualTo("text");
      assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
      assertThat(body.path("usage").has("input_tokens")).isTrue();
    }
  }

  @Test
  void anthropicStreamFollowsTheRealEventSequence() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      List<Sse.Event> events = streamQuiz(upstream, Api.ANTHROPIC);

      assertThat(events).allMatch(event -> event.name().equals(event.json().path("type").asText()));
      assertThat(events.stream().map(Sse.Event::name).distinct())
          .containsExactly(
              "message_start",
              "content_block_start",
              "ping",
              "content_block_delta",
              "content_block_stop",
              "message_delta",
              "message_stop");
      JsonNode messageDelta = events.get(events.size() - 2).json();
      assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
    }
  }

  @Test
  void geminiStreamUsesCrlfAndEndsWithAFinishReasonButNoMarker() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      Quiz quiz = Quiz.whichAnimal();
      HttpResponse<String> response =
          new Http(upstream).send(Api.GEMINI.request(upstream, "gemini-x", quiz.prompt(), true));

      assertThat(response.body()).startsWith("data: {").contains("\r\n\r\n").endsWith("}\r\n\r\n");
      List<Sse.Event> events = Sse.parse(response.body());
      assertThat(events).allMatch(event -> event.name() == null && event.isJson());
      JsonNode last = events.get(events.size() - 1).json();
      assertThat(last.path("candidates").path(0).path("finishReason").asText()).isEqualTo("STOP");
      assertThat(last.path("candidates").path(0).path("content").path("role").asText())
          .isEqualTo("model");
    }
  }

  @Test
  void geminiAnswerHasCandidates() {
    try (FakeUpstream upstream = FakeUpstream.start()) {
      JsonNode body = sendQuiz(upstream, Api.GEMINI);

      JsonNode candidate = body.path("candidates").path(0);
      assertThat(candidate.path("content").path("role").asText()).isEqualTo("model");
      assertThat(candidate.path("content").path("parts").path(0).path("text").asText())
          .isEqualTo("Owl.");
      assertThat(candidate.path("finishReason").asText()).isEqualTo("STOP");
    }
  }

  private static JsonNode sendQuiz(FakeUpstream upstream, Api api) {
    Quiz quiz = Quiz.whichAnimal();
    HttpResponse<String> response =
        new Http(upstream).send(api.request(upstream, "model-a", quiz.prompt(), false));
    assertThat(response.statusCode()).isEqualTo(200);
    return Sse.json(response.body());
  }

  private static List<Sse.Event> streamQuiz(FakeUpstream upstream, Api api) {
    Quiz quiz = Quiz.whichAnimal();
    HttpResponse<String> response =
        new Http(upstream).send(api.request(upstream, "model-a", quiz.prompt(), true));
    assertThat(response.statusCode()).isEqualTo(200);
    List<Sse.Event> events = Sse.parse(response.body());
    assertThat(api.streamedAnswer(events)).isEqualTo(quiz.reply());
    return events;
  }
}
