package io.channelmonitor.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulerDefaultsTest {
  @Test
  void theDefaultSwitchIsOn() throws Exception {
    assertThat(SettingsProvider.alwaysOn().monitoringEnabled()).isTrue();
  }

  @Test
  void aSingleInstanceClaimsEveryRun() {
    ClusterCoordinator coordinator = ClusterCoordinator.singleInstance();

    assertThat(coordinator.tryClaim(1, Instant.EPOCH)).isTrue();
    assertThat(coordinator.tryClaim(1, Instant.EPOCH)).isTrue();
    coordinator.release(1);
  }

  @Test
  void skipReasonsAreTaggedInLowerCase() {
    assertThat(SkipReason.values())
        .extracting(SkipReason::tag)
        .containsExactly("switch_off", "in_flight", "not_claimed", "saturated");
  }
}
