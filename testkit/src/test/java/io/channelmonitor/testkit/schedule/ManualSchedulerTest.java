package io.channelmonitor.testkit.schedule;

import static io.channelmonitor.testkit.schedule.Monitors.monitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.SkipReason;
import io.channelmonitor.testkit.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  @Test
  void checksRunOnTheTickingThreadAndNoThreadIsStarted() {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    ManualScheduler driver =
        ManualScheduler.builder(List::of, id -> ranOn.set(Thread.currentThread())).build();
    driver.scheduler().start();
    driver.scheduler().schedule(monitor(1));

    assertThat(driver.tick(Duration.ZERO)).isEqualTo(1);

    assertThat(ranOn.get()).isSameAs(Thread.currentThread());
    assertThat(driver.clock().instant()).isEqualTo(ManualClock.DEFAULT_START);
    assertThat(driver.timer().clock()).isSameAs(driver.clock());
  }

  @Test
  void exposesItsPartsAndMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ManualClock clock = ManualClock.start();
    ManualScheduler driver =
        ManualScheduler.builder(List::of, id -> {})
            .clock(clock)
            .meterRegistry(registry)
            .seed(1)
            .build();

    assertThat(driver.clock()).isSameAs(clock);
    assertThat(driver.meterRegistry()).isSameAs(registry);
    assertThat(driver.skipped(SkipReason.SATURATED)).isZero();
    assertThat(driver.gauge(MonitorScheduler.METER_MONITORS_SCHEDULED)).isZero();
    assertThatThrownBy(() -> driver.gauge("no.such.gauge"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void differentSeedsSpreadDifferently() {
    List<io.channelmonitor.Monitor> monitors = List.of(monitor(1), monitor(2), monitor(3));
    ManualScheduler one = ManualScheduler.builder(() -> monitors, id -> {}).seed(1).build();
    ManualScheduler two = ManualScheduler.builder(() -> monitors, id -> {}).seed(2).build();

    one.scheduler().start();
    two.scheduler().start();

    assertThat(one.timer().dueTimes()).isNotEqualTo(two.timer().dueTimes());
  }
}
