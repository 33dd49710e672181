package io.channelmonitor.jdbc;

import static io.channelmonitor.jdbc.ClusterRig.INTERVAL_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.jdbc.ClusterRig.Run;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three instances whose clocks are minutes apart (4 minutes behind, right, 6 minutes ahead) share
 * 60 monitors for about two intervals. Due times and leases follow the database's clock, so the
 * runs, timed by the test's own clock, are an interval apart, never closer, and every instance
 * takes part; the results carry each instance's own time, which shows the clocks really differ.
 * Closed, the instances leave no thread behind (polls and heartbeats run on the scheduler's timer).
 */
class PostgresClusterClockSkewTest {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  private static final int MONITORS = 60;
  private static final Duration INTERVAL = Duration.ofSeconds(INTERVAL_SECONDS);
  private static final Duration SLACK = Duration.ofSeconds(4);

  @Test
  @Timeout(120)
  void instanceClocksMinutesApartRunEachDueCheckOnce() throws Exception {
    try (FakeUpstream upstream = FakeUpstream.builder().build();
        ClusterRig rig = new ClusterRig(DB.dataSource(), upstream)) {
      upstream.scriptDefault(Behaviour.slowHeaders(Duration.ofMillis(200)));
      List<Long> ids = rig.createMonitors(MONITORS);
      long t0 = System.nanoTime();
      rig.start("behind", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-4)));
      rig.start("right", Clock.systemUTC());
      rig.start("ahead", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));

      ClusterRig.sleepUntil(t0 + INTERVAL.multipliedBy(2).plusSeconds(3).toNanos());
      rig.close();
      assertThat(ClusterRig.libraryThreads()).isEmpty();

      List<Run> heard = rig.heard();
      Map<Long, List<Instant>> stored = rig.storedRuns();
      assertThat(heard).hasSize(stored.values().stream().mapToInt(List::size).sum());
      assertThat(heard.stream().map(Run::instance).distinct())
          .containsExactlyInAnyOrder("behind", "right", "ahead");
      assertGapsByTheTestsClock(heard, ids, t0);
      List<Instant> times = stored.values().stream().flatMap(List::stream).sorted().toList();
      assertThat(Duration.between(times.get(0), times.get(times.size() - 1)))
          .isGreaterThan(Duration.ofMinutes(9));
    }
  }

  private static void assertGapsByTheTestsClock(List<Run> heard, List<Long> ids, long t0) {
    Map<Long, List<Long>> byMonitor =
        heard.stream()
            .collect(
                Collectors.groupingBy(
                    Run::monitorId, Collectors.mapping(Run::nanos, Collectors.toList())));
    List<String> problems = new ArrayList<>();
    for (long id : ids) {
      List<Long> nanos = byMonitor.getOrDefault(id, List.of()).stream().sorted().toList();
      if (nanos.size() < 2) {
        problems.add("monitor " + id + " ran " + nanos.size() + " times");
        continue;
      }
      if (nanos.get(0) - t0 > INTERVAL.plus(SLACK).toNanos()) {
        problems.add("monitor " + id + " first ran late");
      }
      for (int i = 1; i < nanos.size(); i++) {
        Duration gap = Duration.ofNanos(nanos.get(i) - nanos.get(i - 1));
        if (gap.compareTo(INTERVAL.minusMillis(1500)) < 0
            || gap.compareTo(INTERVAL.plus(SLACK)) > 0) {
          problems.add("monitor " + id + " ran again after " + gap);
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
