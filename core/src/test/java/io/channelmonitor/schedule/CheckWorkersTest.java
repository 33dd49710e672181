package io.channelmonitor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class CheckWorkersTest {
  /** Holds handed jobs until the test runs them: a check that is still running. */
  private final List<Runnable> handed = new ArrayList<>();

  private final Executor holding = handed::add;
  private final List<String> events = new ArrayList<>();

  private CheckWorkers.Job job(String name) {
    return new CheckWorkers.Job(() -> events.add("ran " + name), () -> events.add("drop " + name));
  }

  @Test
  void startsAJobWhenASlotIsFree() {
    CheckWorkers workers = new CheckWorkers(Runnable::run, 2, 0);

    assertThat(workers.trySubmit(job("a"))).isTrue();

    assertThat(events).containsExactly("ran a");
    assertThat(workers.running()).isZero();
  }

  @Test
  void queuesUpToTheCapacityAndRefusesBeyondIt() {
    CheckWorkers workers = new CheckWorkers(holding, 1, 1);

    assertThat(workers.trySubmit(job("a"))).isTrue();
    assertThat(workers.trySubmit(job("b"))).isTrue();
    assertThat(workers.trySubmit(job("c"))).isFalse();

    assertThat(workers.running()).isEqualTo(1);
    assertThat(workers.queued()).isEqualTo(1);
    assertThat(handed).hasSize(1);
  }

  @Test
  void aFinishedJobHandsItsSlotToTheNextWaitingOne() {
    CheckWorkers workers = new CheckWorkers(holding, 1, 5);
    workers.trySubmit(job("a"));
    workers.trySubmit(job("b"));

    handed.remove(0).run();

    assertThat(events).containsExactly("ran a");
    assertThat(workers.running()).isEqualTo(1);
    assertThat(workers.queued()).isZero();
    handed.remove(0).run();
    assertThat(events).containsExactly("ran a", "ran b");
    assertThat(workers.running()).isZero();
  }

  @Test
  void withoutQueueCapacityABusyStageRefusesAtOnce() {
    CheckWorkers workers = new CheckWorkers(holding, 1, 0);
    workers.trySubmit(job("a"));

    assertThat(workers.trySubmit(job("b"))).isFalse();
    assertThat(workers.queued()).isZero();
  }

  @Test
  void closeRefusesNewJobsAndReturnsTheWaitingOnes() throws InterruptedException {
    CheckWorkers workers = new CheckWorkers(holding, 1, 5);
    workers.trySubmit(job("a"));
    workers.trySubmit(job("b"));

    List<CheckWorkers.Job> dropped = workers.close();

    assertThat(dropped).hasSize(1);
    assertThat(workers.trySubmit(job("c"))).isFalse();
    assertThat(workers.awaitIdle(Duration.ofMillis(1))).as("a still runs").isFalse();
    handed.remove(0).run();
    assertThat(workers.awaitIdle(Duration.ZERO)).isTrue();
    assertThat(events).containsExactly("ran a");
  }

  @Test
  void anExecutorRefusalFreesTheSlot() {
    CheckWorkers workers =
        new CheckWorkers(
            task -> {
              throw new RejectedExecutionException("full");
            },
            1,
            0);

    assertThat(workers.trySubmit(job("a"))).isFalse();
    assertThat(workers.running()).isZero();
    assertThat(events).isEmpty();
  }
}
