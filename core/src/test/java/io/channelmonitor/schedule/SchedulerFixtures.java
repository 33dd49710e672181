package io.channelmonitor.schedule;

import io.channelmonitor.ApiMode;
import io.channelmonitor.BodyOverrideMode;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.secret.ApiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Monitors for the scheduler tests. */
final class SchedulerFixtures {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private SchedulerFixtures() {}

  static Monitor monitor(long id) {
    return monitor(id, 60, 0);
  }

  static Monitor monitor(long id, int intervalSeconds, int jitterSeconds) {
    MonitorConfig config =
        new MonitorConfig(
            "monitor " + id,
            "openai",
            "https://api.example.com",
            "gpt-4o-mini",
            List.of(),
            "",
            true,
            intervalSeconds,
            jitterSeconds,
            ApiMode.CHAT_COMPLETIONS,
            Map.of(),
            BodyOverrideMode.OFF,
            null,
            false);
    return new Monitor(id, config, ApiKey.of("sk-test"), false, T0, T0, null);
  }

  /** Names of the live threads whose names start with {@code channel-monitor-}. */
  static List<Thread> libraryThreads() {
    List<Thread> found = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("channel-monitor-") && thread.isAlive()) {
        found.add(thread);
      }
    }
    return found;
  }
}
