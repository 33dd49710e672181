package io.channelmonitor.testkit.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckListener;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.StatusChange;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsAndMetersTest {
  private final InMemoryStore store = new InMemoryStore();
  private final KeyRing keys = KeyRing.ephemeral();
  private final List<StatusChange> changes = new CopyOnWriteArrayList<>();
  private final List<List<CheckResult>> runs = new CopyOnWriteArrayList<>();
  private final CheckListener recorder =
      new CheckListener() {
        @Override
        public void onRun(Monitor monitor, List<CheckResult> results) {
          runs.add(results);
        }

        @Override
        public void onStatusChange(StatusChange change) {
          changes.add(change);
        }
      };
  private final CheckListener broken =
      new CheckListener() {
        @Override
        public void onStatusChange(StatusChange change) {
          throw new IllegalStateException("listener bug");
        }
      };
  private FakeUpstream upstream;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.builder().https(true).build();
  }

  @AfterEach
  void stop() {
    upstream.close();
  }

  private ChannelMonitor channelMonitor(SimpleMeterRegistry meters, boolean modelTag) {
    return ChannelMonitor.builder()
        .store(store)
        .keyRing(keys)
        .listener(broken)
        .listener(recorder)
        .meterRegistry(meters)
        .settings(ChannelMonitorSettings.builder().modelMetricTag(modelTag).build())
        .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
        .sslContext(upstream.clientSslContext())
        .build();
  }

  private Monitor create(ChannelMonitor cm, boolean stream) {
    return cm.monitors()
        .create(
            MonitorDraft.builder()
                .name("events")
                .provider("anthropic")
                .endpoint(upstream.endpoint())
                .apiKey("sk-ant-events-key-0123456789")
                .primaryModel("claude-a")
                .stream(stream)
                .build());
  }

  @Test
  void statusChangesAreReportedOnceAndAThrowingListenerBreaksNothing() {
    try (ChannelMonitor cm = channelMonitor(new SimpleMeterRegistry(), false)) {
      Monitor monitor = create(cm, false);

      cm.monitors().runNow(monitor.id());
      cm.monitors().runNow(monitor.id());
      upstream.script("claude-a", Behaviour.status(529, "{}"));
      cm.monitors().runNow(monitor.id());

      assertThat(runs).hasSize(3);
      assertThat(changes)
          .extracting(StatusChange::previous, StatusChange::current)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(null, CheckStatus.OPERATIONAL),
              org.assertj.core.groups.Tuple.tuple(CheckStatus.OPERATIONAL, CheckStatus.ERROR));
      assertThat(changes.get(1).availabilityChanged()).isTrue();
      assertThat(changes.get(1).monitorName()).isEqualTo("events");
    }
  }

  @Test
  void aRestartKnowsThePreviousStatusFromTheStore() {
    long id;
    try (ChannelMonitor first = channelMonitor(new SimpleMeterRegistry(), false)) {
      id = create(first, false).id();
      first.monitors().runNow(id);
    }
    changes.clear();

    try (ChannelMonitor second = channelMonitor(new SimpleMeterRegistry(), false)) {
      second.monitors().runNow(id);
    }

    assertThat(changes).isEmpty();
  }

  @Test
  void checksAreCountedAndTimedByProviderStatusAndKind() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ChannelMonitor cm = channelMonitor(meters, false)) {
      Monitor monitor = create(cm, true);
      cm.monitors().runNow(monitor.id());
      upstream.script("claude-a", Behaviour.wrongAnswer());
      cm.monitors().runNow(monitor.id());
    }

    assertThat(
            meters
                .get("channel.monitor.checks")
                .tags("provider", "anthropic", "status", "operational", "kind", "none")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            meters
                .get("channel.monitor.checks")
                .tags("status", "failed", "kind", "challenge_mismatch")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(meters.get("channel.monitor.check.latency").timers()).hasSize(2);
    assertThat(meters.get("channel.monitor.check.first.token").timers())
        .extracting(io.micrometer.core.instrument.Timer::count)
        .containsExactlyInAnyOrder(1L, 1L);
    assertThat(meters.find("channel.monitor.checks").tagKeys("model").counters()).isEmpty();
  }

  @Test
  void theModelTagIsOptIn() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ChannelMonitor cm = channelMonitor(meters, true)) {
      cm.monitors().runNow(create(cm, false).id());
    }

    assertThat(meters.get("channel.monitor.checks").tag("model", "claude-a").counter().count())
        .isEqualTo(1.0);
  }
}
