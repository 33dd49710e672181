package io.channelmonitor.testkit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Delays and stalls. Lower bounds only, and gaps at half the delay, so slow machines pass. */
class TimingBehavioursTest {
  private static final Duration DELAY = Duration.ofMillis(600);
  private static final long HALF = DELAY.toMillis() / 2;

  private final FakeUpstream upstream = FakeUpstream.start();
  private final Http http = new Http(upstream);
  private final Quiz quiz = Quiz.whichAnimal();

  @AfterEach
  void close() {
    upstream.close();
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void slowHeadersHoldsTheStatusLine(boolean stream) {
    upstream.script("m", Behaviour.slowHeaders(Duration.ofMillis(300)));

    Http.Exchange exchange = http.exchange(Api.CHAT.request(upstream, "m", quiz.prompt(), stream));

    assertThat(exchange.headersMillis()).isGreaterThanOrEqualTo(300);
    assertThat(exchange.status()).isEqualTo(200);
    assertThat(answer(Api.CHAT, stream, exchange)).isEqualTo("Owl.");
  }

  @Test
  void slowFirstTokenSendsTheHeadersAtOnceAndTheFirstEventLater() {
    upstream.script("m", Behaviour.slowFirstToken(DELAY));

    Http.Exchange exchange =
        http.exchange(Api.ANTHROPIC.request(upstream, "m", quiz.prompt(), true));

    assertThat(exchange.firstByteMillis()).isGreaterThanOrEqualTo(DELAY.toMillis());
    assertThat(exchange.firstByteMillis() - exchange.headersMillis()).isGreaterThanOrEqualTo(HALF);
    assertThat(answer(Api.ANTHROPIC, true, exchange)).isEqualTo("Owl.");
  }

  @Test
  void slowFirstTokenWithoutAStreamDelaysTheWholeAnswer() {
    upstream.script("m", Behaviour.slowFirstToken(Duration.ofMillis(300)));

    Http.Exchange exchange = http.exchange(Api.GEMINI.request(upstream, "m", quiz.prompt(), false));

    assertThat(exchange.headersMillis()).isGreaterThanOrEqualTo(300);
    assertThat(answer(Api.GEMINI, false, exchange)).isEqualTo("Owl.");
  }

  @Test
  void slowTotalStreamsTheStartAtOnceAndFinishesLate() {
    upstream.script("m", Behaviour.slowTotal(DELAY));

    Http.Exchange exchange =
        http.exchange(Api.RESPONSES.request(upstream, "m", quiz.prompt(), true));

    assertThat(exchange.totalMillis()).isGreaterThanOrEqualTo(DELAY.toMillis());
    assertThat(exchange.totalMillis() - exchange.firstByteMillis()).isGreaterThanOrEqualTo(HALF);
    assertThat(answer(Api.RESPONSES, true, exchange)).isEqualTo("Owl.");
  }

  @Test
  void slowTotalWithoutAStreamAnswersAfterTheDelay() {
    upstream.script("m", Behaviour.slowTotal(Duration.ofMillis(300)));

    Http.Exchange exchange = http.exchange(Api.CHAT.request(upstream, "m", quiz.prompt(), false));

    assertThat(exchange.headersMillis()).isGreaterThanOrEqualTo(300);
    assertThat(answer(Api.CHAT, false, exchange)).isEqualTo("Owl.");
  }

  @Test
  void delaysAddUpOnAnyBehaviour() {
    upstream.script(
        "m",
        Behaviour.wrongAnswer()
            .withHeaderDelay(Duration.ofMillis(200))
            .withTotalDelay(Duration.ofMillis(200)));

    Http.Exchange exchange = http.exchange(Api.CHAT.request(upstream, "m", quiz.prompt(), false));

    assertThat(exchange.headersMillis()).isGreaterThanOrEqualTo(400);
    assertThat(answer(Api.CHAT, false, exchange)).isNotEqualTo("Owl.").endsWith(".");
  }

  @Test
  void aDelayedErrorStatusWaitsToo() {
    upstream.script("m", Behaviour.rateLimited(1).withHeaderDelay(Duration.ofMillis(300)));

    Http.Exchange exchange = http.exchange(Api.CHAT.request(upstream, "m", quiz.prompt(), true));

    assertThat(exchange.headersMillis()).isGreaterThanOrEqualTo(300);
    assertThat(exchange.status()).isEqualTo(429);
  }

  @ParameterizedTest(name = "stream={0}")
  @ValueSource(booleans = {false, true})
  void stallSendsTheHeadersThenNothingUntilTheServerCloses(boolean stream) throws Exception {
    upstream.script("m", Behaviour.stall());

    Http.Recorder recorder = http.start(Api.GEMINI.request(upstream, "m", quiz.prompt(), stream));
    HttpResponse.ResponseInfo headers = recorder.headers().get(10, TimeUnit.SECONDS);

    assertThat(headers.statusCode()).isEqualTo(200);
    assertThat(headers.headers().firstValue("content-type"))
        .hasValue(stream ? "text/event-stream" : "application/json");
    assertThatThrownBy(() -> recorder.done().get(300, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    upstream.close();
    Http.Exchange exchange = recorder.done().get(10, TimeUnit.SECONDS);
    assertThat(exchange.text()).isEmpty();
    assertThat(exchange.broken()).isTrue();
  }

  @Test
  void aStallEndsAfterMaxStall() {
    try (FakeUpstream quick = FakeUpstream.builder().maxStall(Duration.ofMillis(300)).build()) {
      quick.scriptDefault(Behaviour.stall());

      Http.Exchange exchange =
          new Http(quick).exchange(Api.CHAT.request(quick, "m", quiz.prompt(), true));

      assertThat(exchange.totalMillis()).isGreaterThanOrEqualTo(300);
      assertThat(exchange.text()).isEmpty();
      assertThat(exchange.broken()).isTrue();
    }
  }

  private static String answer(Api api, boolean stream, Http.Exchange exchange) {
    return stream
        ? api.streamedAnswer(Sse.parse(exchange.text()))
        : api.answer(Sse.json(exchange.text()));
  }
}
