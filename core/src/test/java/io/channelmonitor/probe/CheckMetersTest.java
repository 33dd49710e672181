package io.channelmonitor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ApiMode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.Monitor;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckMetersTest {
  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
  private static final Monitor MONITOR =
      RequestFactoryTest.monitor(
          "openai",
          "https://api.example",
          ApiMode.CHAT_COMPLETIONS,
          Map.of(),
          BodyOverrideMode.OFF,
          null,
          true);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private static CheckResult result(
      String model, CheckStatus status, FailureKind kind, long latency, Long firstToken) {
    return new CheckResult(model, status, kind, latency, firstToken, 5L, "", AT);
  }

  @Test
  void countsAndTimesEveryResultBySeries() {
    CheckMeters meters = new CheckMeters(registry, false);
    meters.observe(
        MONITOR,
        List.of(
            result("a", CheckStatus.OPERATIONAL, FailureKind.NONE, 100, 40L),
            result("b", CheckStatus.OPERATIONAL, FailureKind.NONE, 300, null)));
    meters.observe(
        MONITOR, List.of(result("a", CheckStatus.ERROR, FailureKind.TIMEOUT, 45_000, null)));

    assertThat(counter("operational", "none")).isEqualTo(2.0);
    assertThat(counter("error", FailureKind.TIMEOUT.wire())).isEqualTo(1.0);
    Timer latency =
        registry.get("channel.monitor.check.latency").tags("status", "operational").timer();
    assertThat(latency.count()).isEqualTo(2);
    assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(400.0);
    Timer firstToken = registry.get("channel.monitor.check.first.token").timer();
    assertThat(firstToken.count()).isEqualTo(1);
    assertThat(registry.find("channel.monitor.check.latency").tagKeys("model").timers()).isEmpty();
  }

  @Test
  void tagsTheModelOnlyWhenAskedTo() {
    CheckMeters meters = new CheckMeters(registry, true);
    meters.observe(
        MONITOR,
        List.of(
            result("a", CheckStatus.OPERATIONAL, FailureKind.NONE, 100, null),
            result("b", CheckStatus.OPERATIONAL, FailureKind.NONE, 100, null),
            result("a", CheckStatus.OPERATIONAL, FailureKind.NONE, 100, null)));

    assertThat(registry.get("channel.monitor.checks").tags("model", "a").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get("channel.monitor.checks").tags("model", "b").counter().count())
        .isEqualTo(1.0);
  }

  private double counter(String status, String kind) {
    return registry
        .get("channel.monitor.checks")
        .tags("provider", "openai", "status", status, "kind", kind)
        .counter()
        .count();
  }
}
