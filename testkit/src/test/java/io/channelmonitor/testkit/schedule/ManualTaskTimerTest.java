package io.channelmonitor.testkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.schedule.TaskTimer;
import io.channelmonitor.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTaskTimerTest {
  private final ManualClock clock = ManualClock.start();
  private final Instant t0 = clock.instant();
  private final ManualTaskTimer timer = new ManualTaskTimer(clock);
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsDueTasksInDueOrderAndTiesInTheOrderTheyWereArmed() {
    timer.schedule(() -> ran.add("c"), Duration.ofSeconds(20));
    timer.schedule(() -> ran.add("a"), Duration.ofSeconds(10));
    timer.schedule(() -> ran.add("b"), Duration.ofSeconds(10));

    assertThat(timer.runDue()).isZero();
    assertThat(timer.dueTimes())
        .containsExactly(t0.plusSeconds(10), t0.plusSeconds(10), t0.plusSeconds(20));
    assertThat(timer.tick(Duration.ofSeconds(30))).isEqualTo(3);
    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(timer.pendingCount()).isZero();
  }

  @Test
  void whileTickingEachTaskSeesItsDueTimeAndReArmedTasksRun() {
    List<Instant> seen = new ArrayList<>();
    Runnable[] every10s = new Runnable[1];
    every10s[0] =
        () -> {
          seen.add(clock.instant());
          timer.schedule(every10s[0], Duration.ofSeconds(10));
        };
    timer.schedule(every10s[0], Duration.ofSeconds(10));

    assertThat(timer.tick(Duration.ofSeconds(35))).isEqualTo(3);

    assertThat(seen).containsExactly(t0.plusSeconds(10), t0.plusSeconds(20), t0.plusSeconds(30));
    assertThat(clock.instant()).isEqualTo(t0.plusSeconds(35));
    assertThat(timer.nextDueAt()).contains(t0.plusSeconds(40));
  }

  @Test
  void runDueRunsWhatIsDueWithoutMovingTheClock() {
    timer.schedule(() -> ran.add("now"), Duration.ZERO);
    timer.schedule(() -> ran.add("past"), Duration.ofSeconds(-5));
    timer.schedule(() -> ran.add("later"), Duration.ofSeconds(1));

    assertThat(timer.runDue()).isEqualTo(2);

    assertThat(ran).containsExactly("now", "past");
    assertThat(clock.instant()).isEqualTo(t0);
    assertThat(timer.pendingCount()).isEqualTo(1);
  }

  @Test
  void aCancelledTaskDoesNotRun() {
    TaskTimer.Cancellable cancellable = timer.schedule(() -> ran.add("x"), Duration.ofSeconds(1));

    cancellable.cancel();
    cancellable.cancel();

    assertThat(timer.tick(Duration.ofSeconds(5))).isZero();
    assertThat(ran).isEmpty();
  }

  @Test
  void shutdownDropsEveryTaskAndRefusesNewOnes() {
    timer.schedule(() -> ran.add("x"), Duration.ZERO);

    timer.shutdown();

    assertThat(timer.isShutdown()).isTrue();
    assertThat(timer.pendingCount()).isZero();
    assertThat(timer.runDue()).isZero();
    assertThatThrownBy(() -> timer.schedule(() -> {}, Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void timeOnlyMovesForward() {
    assertThatThrownBy(() -> timer.tick(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTaskThatReArmsItselfWithoutDelayIsStopped() {
    Runnable[] loop = new Runnable[1];
    loop[0] = () -> timer.schedule(loop[0], Duration.ZERO);
    timer.schedule(loop[0], Duration.ZERO);

    assertThatThrownBy(timer::runDue).isInstanceOf(IllegalStateException.class);
  }
}
