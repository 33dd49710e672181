package io.channelmonitor.testkit.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.testkit.upstream.Step.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BehaviourTest {

  @Test
  void slowFactoriesAreHonestWithOneDelay() {
    Duration delay = Duration.ofMillis(250);

    assertThat(Behaviour.slowHeaders(delay))
        .isEqualTo(Behaviour.honest().withHeaderDelay(delay))
        .hasSameHashCodeAs(Behaviour.honest().withHeaderDelay(delay));
    assertThat(Behaviour.slowFirstToken(delay).step(0).firstTokenDelay()).isEqualTo(delay);
    assertThat(Behaviour.slowTotal(delay).step(0).totalDelay()).isEqualTo(delay);
    assertThat(Behaviour.slowTotal(delay).step(0).kind()).isEqualTo(Kind.HONEST);
  }

  @Test
  void combiningLeavesTheOriginalUntouched() {
    Behaviour honest = Behaviour.honest();

    Behaviour slow = honest.withHeaderDelay(Duration.ofSeconds(1));
    Behaviour sequence = honest.then(Behaviour.stall());

    assertThat(honest).isEqualTo(Behaviour.honest()).isNotEqualTo(slow).isNotEqualTo(sequence);
    assertThat(honest.step(5).kind()).isEqualTo(Kind.HONEST);
  }

  @Test
  void aSequenceRepeatsItsLastStep() {
    Behaviour sequence =
        Behaviour.rateLimited(2).then(Behaviour.status(500, "{}")).then(Behaviour.honest());

    assertThat(sequence.step(0).kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(sequence.step(1).kind()).isEqualTo(Kind.STATUS);
    assertThat(sequence.step(2).kind()).isEqualTo(Kind.HONEST);
    assertThat(sequence.step(99).kind()).isEqualTo(Kind.HONEST);
  }

  @Test
  void delaysApplyToEveryStepOfASequence() {
    Behaviour sequence =
        Behaviour.wrongAnswer().then(Behaviour.echo()).withTotalDelay(Duration.ofMillis(5));

    assertThat(sequence.step(0).totalDelay()).isEqualTo(Duration.ofMillis(5));
    assertThat(sequence.step(1).totalDelay()).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Behaviour.status(199, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behaviour.status(600, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behaviour.status(200, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Behaviour.rateLimited(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behaviour.oversizedBody(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behaviour.redirect("https://x.test/\r\nSet-Cookie: a=b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behaviour.slowHeaders(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Behaviour.honest().then(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Behaviour.canned(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toStringNamesTheStepsAndTheirDelays() {
    Behaviour behaviour =
        Behaviour.status(503, "{\"error\":\"busy\"}")
            .withHeaderDelay(Duration.ofMillis(300))
            .then(Behaviour.honest());

    assertThat(behaviour.toString())
        .isEqualTo(
            "Behaviour[STATUS(503, \"{\"error\":\"busy\"}\") headerDelay=300ms then HONEST]");
  }

  @Test
  void everyFactoryMakesItsKind() {
    assertThat(Behaviour.wrongAnswer().step(0).kind()).isEqualTo(Kind.WRONG_ANSWER);
    assertThat(Behaviour.echo().step(0).kind()).isEqualTo(Kind.ECHO);
    assertThat(Behaviour.canned().step(0).text()).isEqualTo(Behaviour.DEFAULT_CANNED_TEXT);
    assertThat(Behaviour.arithmeticCheat().step(0).kind()).isEqualTo(Kind.ARITHMETIC_CHEAT);
    assertThat(Behaviour.malformedJson().step(0).kind()).isEqualTo(Kind.MALFORMED_JSON);
    assertThat(Behaviour.errorInBody().step(0).kind()).isEqualTo(Kind.ERROR_IN_BODY);
    assertThat(Behaviour.errorEventMidStream().step(0).kind())
        .isEqualTo(Kind.ERROR_EVENT_MID_STREAM);
    assertThat(Behaviour.truncatedStream().step(0).kind()).isEqualTo(Kind.TRUNCATED_STREAM);
    assertThat(Behaviour.oversizedBody(10).step(0).number()).isEqualTo(10);
    assertThat(Behaviour.stall().step(0).kind()).isEqualTo(Kind.STALL);
    assertThat(Behaviour.redirect("https://x.test").step(0).text()).isEqualTo("https://x.test");
    assertThat(Behaviour.echoKeyInError().step(0).kind()).isEqualTo(Kind.ECHO_KEY_IN_ERROR);
    assertThat(Behaviour.thinkingThenAnswer().step(0).kind()).isEqualTo(Kind.THINKING_THEN_ANSWER);
  }
}
