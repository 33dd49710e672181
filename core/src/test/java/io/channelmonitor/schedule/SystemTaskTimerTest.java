package io.channelmonitor.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemTaskTimerTest {
  private final TaskTimer timer = TaskTimer.system();

  @AfterEach
  void shutdown() {
    timer.shutdown();
  }

  /** Schedules a task at once, waits until it has run and returns the thread it ran on. */
  private Thread threadOfATaskRunNow() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<Thread> thread = new AtomicReference<>();
    timer.schedule(
        () -> {
          thread.set(Thread.currentThread());
          ran.countDown();
        },
        Duration.ZERO);
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    return thread.get();
  }

  @Test
  void runsATaskOnItsNamedDaemonThread() throws InterruptedException {
    Thread thread = threadOfATaskRunNow();

    assertThat(thread.getName()).isEqualTo("channel-monitor-timer");
    assertThat(thread.isDaemon()).isTrue();
  }

  @Test
  void aCancelledTaskDoesNotRunAndAThrowingTaskDoesNotStopTheTimer() throws InterruptedException {
    AtomicBoolean cancelledRan = new AtomicBoolean();
    CountDownLatch last = new CountDownLatch(1);

    timer.schedule(() -> cancelledRan.set(true), Duration.ofMillis(20)).cancel();
    timer.schedule(
        () -> {
          throw new IllegalStateException("boom");
        },
        Duration.ofMillis(30));
    timer.schedule(last::countDown, Duration.ofMillis(60));

    assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(cancelledRan).isFalse();
  }

  @Test
  void shutdownEndsTheThreadAndRefusesNewTasks() throws InterruptedException {
    Thread thread = threadOfATaskRunNow();

    timer.shutdown();
    timer.shutdown();

    assertThat(thread.isAlive()).isFalse();
    assertThatThrownBy(() -> timer.schedule(() -> {}, Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHugeOrNegativeDelayIsAcceptedAndCancelIsIdempotent() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    TaskTimer.Cancellable far = timer.schedule(() -> {}, Duration.ofDays(365_000_000L));

    assertThatCode(
            () -> {
              far.cancel();
              far.cancel();
            })
        .doesNotThrowAnyException();
    timer.schedule(ran::countDown, Duration.ofSeconds(-5));
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
  }
}
