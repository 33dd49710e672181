package io.channelmonitor.testkit.schedule;

import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.secret.ApiKey;
import io.channelmonitor.testkit.store.StoreFixtures;
import java.time.Instant;

/** Monitors for the scheduler tests. */
final class Monitors {
  private static final Instant T0 = StoreFixtures.T0;

  private Monitors() {}

  static Monitor monitor(long id) {
    return monitor(id, 60, 0);
  }

  static Monitor monitor(long id, int intervalSeconds, int jitterSeconds) {
    return of(
        id, StoreFixtures.monitor().name("monitor " + id).interval(intervalSeconds, jitterSeconds));
  }

  static Monitor of(long id, StoreFixtures.MonitorBuilder builder) {
    return withConfig(id, builder.config(), false);
  }

  static Monitor decryptFailed(long id) {
    return new Monitor(id, StoreFixtures.monitor().config(), ApiKey.EMPTY, true, T0, T0, null);
  }

  static Monitor withConfig(long id, MonitorConfig config, boolean keyDecryptFailed) {
    return new Monitor(
        id,
        config,
        keyDecryptFailed ? ApiKey.EMPTY : ApiKey.of("sk-test-" + id),
        keyDecryptFailed,
        T0,
        T0,
        null);
  }
}
