package io.channelmonitor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightGuardTest {
  private final InFlightGuard guard = new InFlightGuard();

  @Test
  void acquireAndReleaseAreSymmetric() {
    assertThat(guard.tryAcquire(1)).isTrue();
    assertThat(guard.tryAcquire(1)).as("second claim without release").isFalse();

    guard.release(1);

    assertThat(guard.tryAcquire(1)).as("claim after release").isTrue();
  }

  @Test
  void tracksEachMonitorOnItsOwn() {
    guard.tryAcquire(1);
    guard.tryAcquire(2);

    assertThat(guard.isRunning(1)).isTrue();
    assertThat(guard.isRunning(3)).isFalse();
    assertThat(guard.count()).isEqualTo(2);

    guard.release(1);
    guard.release(1);

    assertThat(guard.isRunning(1)).isFalse();
    assertThat(guard.isRunning(2)).isTrue();
    assertThat(guard.count()).isEqualTo(1);
  }
}
