package io.channelmonitor.testkit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviours that answer fluently but not honestly, or honestly with extras. */
class AnswerBehavioursTest {
  private static final int MIB = 1024 * 1024;

  private final FakeUpstream upstream = FakeUpstream.start();
  private final Http http = new Http(upstream);
  private final Quiz quiz = Quiz.whatColor();

  @AfterEach
  void close() {
    upstream.close();
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void wrongAnswerNamesAnotherWordOfTheSameCategory(Api api) {
    upstream.script("m", Behaviour.wrongAnswer());

    for (boolean stream : List.of(false, true)) {
      String answer = answer(api, quiz.prompt(), stream);

      assertThat(answer).isNotEqualTo(quiz.reply()).endsWith(".");
      String word = answer.substring(0, answer.length() - 1).toLowerCase(Locale.ROOT);
      assertThat(word).isIn(quiz.sameCategory());
    }
  }

  @Test
  void echoSendsThePromptBack() {
    upstream.script("m", Behaviour.echo());

    assertThat(answer(Api.CHAT, quiz.prompt(), false)).isEqualTo(quiz.prompt());
    assertThat(answer(Api.GEMINI, quiz.prompt(), true)).isEqualTo(quiz.prompt());
  }

  @Test
  void cannedAnswersTheSameWhateverThePrompt() {
    upstream.script("greeter", Behaviour.canned()).script("ponger", Behaviour.canned("Pong."));

    assertThat(answer(Api.ANTHROPIC, "greeter", quiz.prompt(), false))
        .isEqualTo("Hello! How can I help you today?")
        .isEqualTo(Behaviour.DEFAULT_CANNED_TEXT);
    assertThat(answer(Api.RESPONSES, "ponger", quiz.prompt(), true)).isEqualTo("Pong.");
  }

  @Test
  void arithmeticCheatSolvesSumsOrSays42() {
    upstream.script("m", Behaviour.arithmeticCheat());

    assertThat(answer(Api.CHAT, "What is 20 + 3? Reply with the number.", false)).isEqualTo("23");
    assertThat(answer(Api.CHAT, "Compute 100 - 57.", true)).isEqualTo("43");
    assertThat(answer(Api.CHAT, "What is 7 - 9?", false)).isEqualTo("-2");
    assertThat(answer(Api.CHAT, quiz.prompt(), false)).isEqualTo("42");
  }

  @ParameterizedTest
  @EnumSource(Api.class)
  void thinkingThenAnswerPutsReasoningNamingAWrongWordBeforeTheHonestAnswer(Api api) {
    upstream.script("m", Behaviour.thinkingThenAnswer());

    JsonNode body = Sse.json(http.send(api.request(upstream, "m", quiz.prompt(), false)).body());
    List<Sse.Event> events =
        Sse.parse(http.send(api.request(upstream, "m", quiz.prompt(), true)).body());

    assertThat(api.answer(body)).isEqualTo(quiz.reply());
    assertThat(api.streamedAnswer(events)).isEqualTo(quiz.reply());
    String wrong = ChallengeSolver.wrongReply(quiz.prompt());
    String wrongWord = wrong.substring(0, wrong.length() - 1);
    assertThat(api.reasoning(body)).contains(wrongWord).doesNotContain(quiz.reply());
    assertThat(api.streamedReasoning(events)).isEqualTo(api.reasoning(body));
    assertThat(api.ended(events)).isTrue();
    int firstReasoning = indexOf(events, event -> !api.textDelta(event, true).isEmpty());
    int firstText = indexOf(events, event -> !api.textDelta(event, false).isEmpty());
    assertThat(firstReasoning).isNotNegative().isLessThan(firstText);
  }

  @Test
  void thinkingComesFirstInTheWholeAnswers() {
    upstream.script("m", Behaviour.thinkingThenAnswer());

    JsonNode anthropic = send(Api.ANTHROPIC);
    JsonNode responses = send(Api.RESPONSES);
    JsonNode gemini = send(Api.GEMINI);
    String chat = http.send(Api.CHAT.request(upstream, "m", quiz.prompt(), false)).body();

    assertThat(anthropic.path("content").path(0).path("type").asText()).isEqualTo("thinking");
    assertThat(anthropic.path("content").path(0).path("signature").asText()).isNotEmpty();
    assertThat(responses.path("output").path(0).path("type").asText()).isEqualTo("reasoning");
    assertThat(responses.path("output_text").asText()).isEqualTo(quiz.reply());
    JsonNode firstPart = gemini.path("candidates").path(0).path("content").path("parts").path(0);
    assertThat(firstPart.path("thought").asBoolean()).isTrue();
    assertThat(chat.indexOf("\"reasoning_content\"")).isLessThan(chat.indexOf("\"content\""));
  }

  @Test
  void oversizedBodyPadsAWholeAnswerPastTheSize() {
    upstream.script("m", Behaviour.oversizedBody(MIB));

    Http.Exchange exchange =
        http.exchange(Api.RESPONSES.request(upstream, "m", quiz.prompt(), false));

    assertThat(exchange.status()).isEqualTo(200);
    assertThat(exchange.broken()).isFalse();
    assertThat(Long.parseLong(exchange.header("content-length"))).isGreaterThan(2L * MIB);
    JsonNode body = Sse.json(exchange.text());
    assertThat(body.path("output_text").asText())
        .startsWith(quiz.reply() + " ")
        .hasSizeGreaterThan(MIB);
    assertThat(Api.RESPONSES.answer(body)).isEqualTo(body.path("output_text").asText());
  }

  @Test
  void oversizedBodyStreamsThePaddingAsDeltas() {
    upstream.script("m", Behaviour.oversizedBody(MIB));

    Http.Exchange exchange =
        http.exchange(Api.ANTHROPIC.request(upstream, "m", quiz.prompt(), true));

    List<Sse.Event> events = Sse.parse(exchange.text());
    assertThat(exchange.text().length()).isGreaterThan(MIB);
    assertThat(events).allMatch(Sse.Event::isJson);
    assertThat(Api.ANTHROPIC.streamedAnswer(events))
        .startsWith(quiz.reply() + " ")
        .hasSize(quiz.reply().length() + 1 + MIB);
    assertThat(Api.ANTHROPIC.ended(events)).isTrue();
  }

  @Test
  void aSequencePlaysEachStepOnceThenRepeatsTheLast() {
    upstream.script(
        "m", Behaviour.rateLimited(1).then(Behaviour.canned("second")).then(Behaviour.honest()));

    List<Integer> statuses = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Http.Exchange exchange = http.exchange(Api.CHAT.request(upstream, "m", quiz.prompt(), false));
      statuses.add(exchange.status());
      answers.add(exchange.status() == 200 ? Api.CHAT.answer(Sse.json(exchange.text())) : "");
    }

    assertThat(statuses).containsExactly(429, 200, 200, 200);
    assertThat(answers).containsExactly("", "second", quiz.reply(), quiz.reply());
  }

  @Test
  void theDefaultScriptCoversModelsWithoutTheirOwnAndResetForgetsScripts() {
    upstream.scriptDefault(Behaviour.canned("default")).script("own", Behaviour.canned("own"));

    assertThat(answer(Api.CHAT, "any", quiz.prompt(), false)).isEqualTo("default");
    assertThat(answer(Api.CHAT, "own", quiz.prompt(), false)).isEqualTo("own");
    assertThat(upstream.reset()).isSameAs(upstream);
    assertThat(upstream.requests()).isEmpty();
    assertThat(answer(Api.CHAT, "own", quiz.prompt(), false)).isEqualTo(quiz.reply());
    assertThat(answer(Api.CHAT, "any", quiz.prompt(), false)).isEqualTo(quiz.reply());
  }

  @Test
  void scriptingAModelAgainRestartsItsSequence() {
    Behaviour flaky = Behaviour.status(500, "{}").then(Behaviour.honest());
    upstream.script("m", flaky);
    http.send(Api.CHAT.request(upstream, "m", quiz.prompt(), false));

    upstream.script("m", flaky);

    assertThat(http.send(Api.CHAT.request(upstream, "m", quiz.prompt(), false)).statusCode())
        .isEqualTo(500);
  }

  private String answer(Api api, String prompt, boolean stream) {
    return answer(api, "m", prompt, stream);
  }

  private String answer(Api api, String model, String prompt, boolean stream) {
    String body = http.send(api.request(upstream, model, prompt, stream)).body();
    return stream ? api.streamedAnswer(Sse.parse(body)) : api.answer(Sse.json(body));
  }

  private JsonNode send(Api api) {
    return Sse.json(http.send(api.request(upstream, "m", quiz.prompt(), false)).body());
  }

  private static int indexOf(List<Sse.Event> events, Predicate<Sse.Event> test) {
    for (int i = 0; i < events.size(); i++) {
      if (test.test(events.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
