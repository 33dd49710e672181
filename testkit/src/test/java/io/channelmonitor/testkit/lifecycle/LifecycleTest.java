package io.channelmonitor.testkit.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LifecycleTest {
  private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
  private static final HostResolver OFFLINE =
      host -> List.of(InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8}));

  @Test
  @Timeout(30)
  void startCatchesUpTheRollupsAndCloseLeavesNoThread() throws Exception {
    InMemoryStore store = new InMemoryStore();
    ManualClock clock = ManualClock.at(NOW);
    ChannelMonitor cm =
        ChannelMonitor.builder().store(store).clock(clock).hostResolver(OFFLINE).build();
    Monitor monitor =
        cm.monitors()
            .create(
                MonitorDraft.builder()
                    .name("m")
                    .provider("openai")
                    .endpoint("https://api.example.com")
                    .apiKey("sk-lifecycle-0123456789")
                    .primaryModel("gpt-a")
                    .enabled(false)
                    .build());
    store.insertResults(
        List.of(
            row(monitor, CheckStatus.OPERATIONAL, NOW.minus(Duration.ofDays(2))),
            row(monitor, CheckStatus.ERROR, NOW.minus(Duration.ofDays(1))),
            row(monitor, CheckStatus.OPERATIONAL, NOW)));

    cm.start();
    cm.start();
    awaitWatermark(store, LocalDate.parse("2026-06-09"));

    MonitorAvailability figures =
        cm.availability()
            .availability(List.of(MonitorModels.of(monitor)), Set.of(7))
            .get(monitor.id());
    assertThat(figures.primary().window(7).availabilityPercent())
        .isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
    assertThat(figures.timeline()).hasSize(3);

    cm.close();
    cm.close();
    assertThat(libraryThreads()).isEmpty();
  }

  private static ResultRecord row(Monitor monitor, CheckStatus status, Instant at) {
    FailureKind kind = status.available() ? FailureKind.NONE : FailureKind.UPSTREAM_5XX;
    return new ResultRecord(
        0, monitor.id(), new CheckResult("gpt-a", status, kind, 100, null, 5L, "", at));
  }

  private static void awaitWatermark(InMemoryStore store, LocalDate day)
      throws InterruptedException {
    while (!store.rollupWatermark().map(day::equals).orElse(false)) {
      Thread.sleep(10);
    }
  }

  static List<String> libraryThreads() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      List<String> alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .filter(name -> name.startsWith("channel-monitor-"))
              .toList();
      if (alive.isEmpty()) {
        return alive;
      }
      Thread.sleep(10);
    }
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("channel-monitor-"))
        .toList();
  }
}
