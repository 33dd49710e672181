package io.channelmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.internal.Texts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckResultTest {
  private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

  private static CheckResult withMessage(String message) {
    return new CheckResult(
        "m", CheckStatus.ERROR, FailureKind.UPSTREAM_5XX, 10, null, null, message, AT);
  }

  @Test
  void longMessagesAreCutToFiveHundredCharsOnACodePointBoundary() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    String message = withMessage(emoji.repeat(400)).message();

    assertThat(message.length()).isLessThanOrEqualTo(CheckResult.MAX_MESSAGE_CHARS);
    assertThat(message).endsWith("...(truncated)");
    String kept = message.substring(0, message.length() - "...(truncated)".length());
    assertThat(kept.length() % 2).isZero();
    assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
  }

  @Test
  void shortMessagesAreKeptAndNullBecomesEmpty() {
    assertThat(withMessage("upstream HTTP 502").message()).isEqualTo("upstream HTTP 502");
    assertThat(withMessage(null).message()).isEmpty();
    assertThat(withMessage("x".repeat(500)).message()).hasSize(500).doesNotEndWith("(truncated)");
  }

  @Test
  void loneSurrogatesNeverReachAStore() {
    assertThat(withMessage("bad \uD800 text \uDC00").message()).isEqualTo("bad \uFFFD text \uFFFD");
    assertThat(Texts.replaceLoneSurrogates("ok \uD83D\uDE00")).isEqualTo("ok \uD83D\uDE00");
  }

  @Test
  void availabilityFollowsTheStatus() {
    assertThat(CheckStatus.OPERATIONAL.available()).isTrue();
    assertThat(CheckStatus.DEGRADED.available()).isTrue();
    assertThat(CheckStatus.FAILED.available()).isFalse();
    assertThat(CheckStatus.ERROR.available()).isFalse();
    assertThat(CheckStatus.DEGRADED.wire()).isEqualTo("degraded");
    assertThat(WireValue.parse(FailureKind.class, " Rate_Limited "))
        .contains(FailureKind.RATE_LIMITED);
    assertThat(WireValue.parse(ApiMode.class, "chat")).isEmpty();
  }

  @Test
  void negativeLatencyIsABug() {
    assertThatThrownBy(
            () ->
                new CheckResult(
                    "m", CheckStatus.ERROR, FailureKind.TIMEOUT, -1, null, null, "", AT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queriesClampTheirPaging() {
    MonitorQuery query = new MonitorQuery(" ", null, "  ", 0, 0);
    assertThat(query.provider()).isNull();
    assertThat(query.search()).isNull();
    assertThat(query.page()).isEqualTo(1);
    assertThat(query.pageSize()).isEqualTo(MonitorQuery.DEFAULT_PAGE_SIZE);
    assertThat(query.withPage(3, 1000).pageSize()).isEqualTo(MonitorQuery.MAX_PAGE_SIZE);
    assertThat(query.withPage(3, 10).offset()).isEqualTo(20);
    assertThat(new Page<>(java.util.List.of(), 0, 1, 20).pages()).isEqualTo(1);
    assertThat(new Page<>(java.util.List.of(), 41, 1, 20).pages()).isEqualTo(3);
  }
}
