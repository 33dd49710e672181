package io.channelmonitor.schedule;

import static io.channelmonitor.schedule.SchedulerFixtures.libraryThreads;
import static io.channelmonitor.schedule.SchedulerFixtures.monitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.channelmonitor.ChannelMonitorSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stop with the real timer and the executor the scheduler creates. Latches and generous deadlines
 * only: nothing here asserts how long anything took.
 */
class MonitorSchedulerStopTest {
  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicBoolean finished = new AtomicBoolean();
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private MonitorScheduler scheduler;

  @AfterEach
  void stopScheduler() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  private MonitorScheduler blockingScheduler(CountDownLatch release, Duration stopTimeout) {
    RunAction blocking =
        id -> {
          started.countDown();
          try {
            release.await();
            finished.set(true);
          } catch (InterruptedException e) {
            interrupted.set(true);
            Thread.currentThread().interrupt();
          }
        };
    return MonitorScheduler.builder(List::of, blocking)
        .settings(ChannelMonitorSettings.builder().stopTimeout(stopTimeout).build())
        .build();
  }

  @Test
  void stopWaitsForARunningCheck() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    scheduler = blockingScheduler(release, GENEROUS);
    scheduler.start();
    scheduler.schedule(monitor(1));
    assertThat(started.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
    AtomicBoolean finishedWhenStopReturned = new AtomicBoolean();
    Thread stopper =
        new Thread(
            () -> {
              scheduler.stop();
              finishedWhenStopReturned.set(finished.get());
            },
            "test-stopper");

    stopper.start();
    awaitUntil(() -> stopper.getState() == Thread.State.TIMED_WAITING);

    assertThat(scheduler.state()).isEqualTo(MonitorScheduler.State.STOPPING);
    assertThat(stopper.isAlive()).as("stop waits for the check").isTrue();
    release.countDown();
    stopper.join(GENEROUS.toMillis());
    assertThat(stopper.isAlive()).isFalse();
    assertThat(finishedWhenStopReturned).as("the check ended before stop returned").isTrue();
    assertThat(interrupted).isFalse();
    assertThat(scheduler.state()).isEqualTo(MonitorScheduler.State.STOPPED);
    assertThat(scheduler.inFlightGuard().count()).isZero();
  }

  @Test
  void stopInterruptsACheckThatOutlivesTheBound() throws InterruptedException {
    scheduler = blockingScheduler(new CountDownLatch(1), Duration.ofMillis(50));
    scheduler.start();
    scheduler.schedule(monitor(1));
    assertThat(started.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertTimeoutPreemptively(GENEROUS, scheduler::stop);

    assertThat(interrupted).isTrue();
    assertThat(finished).isFalse();
    assertThat(scheduler.state()).isEqualTo(MonitorScheduler.State.STOPPED);
    assertThat(scheduler.inFlightGuard().count()).isZero();
  }

  @Test
  void noThreadOfTheSchedulerOutlivesStop() throws InterruptedException {
    Set<Thread> before = new HashSet<>(libraryThreads());
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    CountDownLatch ran = new CountDownLatch(3);
    scheduler =
        MonitorScheduler.builder(
                List::of,
                id -> {
                  workers.add(Thread.currentThread());
                  ran.countDown();
                })
            .build();
    scheduler.start();
    for (long id = 1; id <= 3; id++) {
      scheduler.schedule(monitor(id));
    }
    assertThat(ran.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(libraryThreads()).extracting(Thread::getName).contains("channel-monitor-timer");
    assertThat(workers)
        .allSatisfy(t -> assertThat(t.getName()).startsWith("channel-monitor-worker-"));

    scheduler.stop();

    List<Thread> left = libraryThreads();
    left.removeAll(before);
    assertThat(left).isEmpty();
    assertThat(workers).noneMatch(Thread::isAlive);
  }

  @Test
  void aGivenExecutorIsNotShutDown() throws InterruptedException {
    java.util.concurrent.ExecutorService own =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      CountDownLatch ran = new CountDownLatch(1);
      scheduler =
          MonitorScheduler.builder(List::of, id -> ran.countDown()).checkExecutor(own).build();
      scheduler.start();
      scheduler.schedule(monitor(1));
      assertThat(ran.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

      scheduler.stop();

      assertThat(own.isShutdown()).isFalse();
    } finally {
      own.shutdownNow();
    }
  }

  private static void awaitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + GENEROUS.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", GENEROUS).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
