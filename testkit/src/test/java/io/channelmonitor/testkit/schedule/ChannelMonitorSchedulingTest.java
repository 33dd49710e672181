package io.channelmonitor.testkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorPatch;
import io.channelmonitor.Reason;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduler wired into ChannelMonitor, driven by the manual timer: no test sleeps. */
class ChannelMonitorSchedulingTest {
  private final ManualClock clock = ManualClock.start();
  private final ManualTaskTimer timer = new ManualTaskTimer(clock);
  private final AtomicBoolean switchOn = new AtomicBoolean(true);
  private FakeUpstream upstream;
  private ChannelMonitor cm;

  @BeforeEach
  void start() {
    upstream = FakeUpstream.builder().https(true).build();
    cm =
        ChannelMonitor.builder()
            .clock(clock)
            .schedulerTimer(timer)
            .checkExecutor(Runnable::run)
            .settingsProvider(switchOn::get)
            .ssrfPolicy(SsrfPolicy.builder().allowCidr("127.0.0.0/8").build())
            .sslContext(upstream.clientSslContext())
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    cm.close();
    upstream.close();
  }

  private Monitor create(boolean enabled) {
    return cm.monitors()
        .create(
            MonitorDraft.builder()
                .name("scheduled")
                .provider("openai")
                .endpoint(upstream.endpoint())
                .apiKey("sk-scheduled-0123456789")
                .primaryModel("gpt-a")
                .intervalSeconds(60)
                .enabled(enabled)
                .build());
  }

  private long posts() {
    return upstream.requests().stream().filter(r -> r.method().equals("POST")).count();
  }

  @Test
  void createFiresAtOnceThenEveryInterval() {
    Monitor monitor = create(true);
    timer.runDue();
    assertThat(posts()).isEqualTo(1);
    assertThat(cm.monitors().history(monitor.id(), null, 10)).hasSize(1);

    timer.tick(Duration.ofSeconds(59));
    assertThat(posts()).isEqualTo(1);
    timer.tick(Duration.ofSeconds(1));
    assertThat(posts()).isEqualTo(2);
  }

  @Test
  void aRenameDoesNotProbeButAnIntervalChangeDoes() {
    Monitor monitor = create(true);
    timer.runDue();

    cm.monitors().update(monitor.id(), MonitorPatch.builder().name("renamed").build());
    timer.runDue();
    assertThat(posts()).isEqualTo(1);

    cm.monitors().update(monitor.id(), MonitorPatch.builder().intervalSeconds(120).build());
    timer.runDue();
    assertThat(posts()).isEqualTo(2);
  }

  @Test
  void disableAndDeleteUnscheduleAndEnableFiresAtOnce() {
    Monitor monitor = create(false);
    timer.runDue();
    assertThat(cm.scheduler().isScheduled(monitor.id())).isFalse();

    cm.monitors().update(monitor.id(), MonitorPatch.builder().enabled(true).build());
    timer.runDue();
    assertThat(posts()).isEqualTo(1);

    cm.monitors().delete(monitor.id());
    assertThat(cm.scheduler().isScheduled(monitor.id())).isFalse();
    timer.tick(Duration.ofMinutes(10));
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void theSwitchStopsScheduledAndManualRuns() {
    Monitor monitor = create(true);
    switchOn.set(false);

    timer.runDue();
    assertThat(posts()).isZero();
    assertThatThrownBy(() -> cm.monitors().runNow(monitor.id()))
        .isInstanceOf(ChannelMonitorException.class)
        .extracting(e -> ((ChannelMonitorException) e).reason())
        .isEqualTo(Reason.CHANNEL_MONITOR_DISABLED);

    switchOn.set(true);
    timer.tick(Duration.ofSeconds(60));
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void aManualRunWaitsForNoneAndRefusesWhileAScheduledRunHoldsTheMonitor() {
    Monitor monitor = create(false);
    cm.scheduler().inFlightGuard().tryAcquire(monitor.id());

    assertThatThrownBy(() -> cm.monitors().runNow(monitor.id()))
        .isInstanceOf(ChannelMonitorException.class)
        .extracting(e -> ((ChannelMonitorException) e).reason())
        .isEqualTo(Reason.CHANNEL_MONITOR_RUN_IN_PROGRESS);

    cm.scheduler().inFlightGuard().release(monitor.id());
    assertThat(cm.monitors().runNow(monitor.id())).hasSize(1);
  }

  @Test
  void aNewKeyIsProbedAtOnce() {
    Monitor monitor = create(true);
    timer.runDue();

    cm.monitors()
        .update(monitor.id(), MonitorPatch.builder().apiKey("sk-rotated-987654321").build());
    timer.runDue();

    assertThat(posts()).isEqualTo(2);
    assertThat(upstream.requests().get(upstream.requests().size() - 1).headers().toString())
        .contains("sk-rotated-987654321");
  }
}
