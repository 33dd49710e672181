package io.channelmonitor.jdbc;

import static io.channelmonitor.jdbc.ClusterRig.INTERVAL_SECONDS;
import static io.channelmonitor.jdbc.ClusterRig.LEASE;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.jdbc.ClusterRig.Instance;
import io.channelmonitor.testkit.upstream.Behaviour;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cluster mode for real: three instances on one embedded PostgreSQL run 300 monitors every 15 s
 * against a fake upstream that answers in 0.5 s, for about three and a half intervals. One instance
 * freezes (its database calls hang) for longer than its lease and wakes up, then is cut off and
 * closed. The stored results must show every due check exactly once: no two runs of a monitor
 * closer than an interval, no gap longer than an interval plus the lease, and the work spread over
 * the live instances.
 */
class PostgresClusterTest {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  private static final int MONITORS = 300;
  private static final Duration INTERVAL = Duration.ofSeconds(INTERVAL_SECONDS);

  /** What a loaded machine may add to a gap: polls, the upstream's 0.5 s, pauses. */
  private static final Duration SLACK = Duration.ofSeconds(4);

  /** Two runs of a monitor closer than this would be one due check run twice. */
  private static final Duration NO_CLOSER_THAN = INTERVAL.minusMillis(1500);

  @Test
  @Timeout(180)
  void threeInstancesRunEveryDueCheckOnceThroughAFreezeAndAKill() throws Exception {
    try (FakeUpstream upstream = FakeUpstream.builder().build();
        ClusterRig rig = new ClusterRig(DB.dataSource(), upstream)) {
      upstream.scriptDefault(Behaviour.slowHeaders(Duration.ofMillis(500)));
      List<Long> ids = rig.createMonitors(MONITORS);
      Instant started = Instant.now();
      long t0 = System.nanoTime();
      Instance a = rig.start("a", Clock.systemUTC());
      Instance b = rig.start("b", Clock.systemUTC());
      Instance c = rig.start("c", Clock.systemUTC());

      ClusterRig.sleepUntil(t0 + seconds(INTERVAL_SECONDS + 2));
      assertSpread(List.of(a, b, c), 0.2);

      Set<Long> orphans = freezeWhileHoldingClaims(rig, c);
      ClusterRig.await(
          "the frozen instance's claims are taken over",
          LEASE.plus(SLACK),
          () -> rig.ownedBy("c").isEmpty());
      c.gate().thaw();
      ClusterRig.await(
          "the woken instance's late results are refused",
          Duration.ofSeconds(10),
          () -> c.fenced() >= orphans.size());

      ClusterRig.sleepUntil(t0 + seconds(2 * INTERVAL_SECONDS + 2));
      c.gate().sever();
      c.monitor().close();
      ClusterRig.await(
          "the dead instance's claims are taken over",
          LEASE.plus(SLACK),
          () -> rig.ownedBy("c").isEmpty());
      long aBefore = a.dueClaims();
      long bBefore = b.dueClaims();
      ClusterRig.sleepUntil(t0 + seconds(3 * INTERVAL_SECONDS + 7));
      Instant stopped = Instant.now();
      a.monitor().close();
      b.monitor().close();

      assertThat(c.failures("complete") + c.failures("give_back") + c.failures("leave"))
          .isPositive();
      assertThat(a.dueClaims() - aBefore).isGreaterThan(MONITORS / 4);
      assertThat(b.dueClaims() - bBefore).isGreaterThan(MONITORS / 4);
      assertEveryDueCheckRanOnce(rig.storedRuns(), ids, started, stopped);
    }
  }

  /**
   * Freezes the instance at a moment it holds claims, and returns them once the database calls it
   * was making when it froze have ended.
   */
  private static Set<Long> freezeWhileHoldingClaims(ClusterRig rig, Instance instance)
      throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      instance.gate().freeze();
      Thread.sleep(500);
      Set<Long> held = rig.ownedBy(instance.name());
      if (!held.isEmpty()) {
        return held;
      }
      instance.gate().thaw();
      Thread.sleep(100);
    }
    throw new AssertionError("instance " + instance.name() + " never held a claim");
  }

  private static void assertSpread(List<Instance> instances, double minShare) {
    long total = instances.stream().mapToLong(Instance::dueClaims).sum();
    assertThat(total).isGreaterThanOrEqualTo(MONITORS);
    for (Instance instance : instances) {
      assertThat(instance.dueClaims())
          .as("claims of instance %s out of %d", instance.name(), total)
          .isGreaterThan((long) (total * minShare));
    }
  }

  static void assertEveryDueCheckRanOnce(
      Map<Long, List<Instant>> runs, List<Long> ids, Instant started, Instant stopped) {
    Duration longest = INTERVAL.plus(LEASE).plus(SLACK);
    List<String> problems = new ArrayList<>();
    for (long id : ids) {
      List<Instant> times = runs.getOrDefault(id, List.of());
      if (times.isEmpty()) {
        problems.add("monitor " + id + " never ran");
        continue;
      }
      if (Duration.between(started, times.get(0)).compareTo(INTERVAL.plus(SLACK)) > 0) {
        problems.add("monitor " + id + " first ran at " + times.get(0));
      }
      if (Duration.between(times.get(times.size() - 1), stopped).compareTo(longest) > 0) {
        problems.add("monitor " + id + " stopped running at " + times.get(times.size() - 1));
      }
      for (int i = 1; i < times.size(); i++) {
        Duration gap = Duration.between(times.get(i - 1), times.get(i));
        if (gap.compareTo(NO_CLOSER_THAN) < 0 || gap.compareTo(longest) > 0) {
          problems.add(
              "monitor " + id + " ran " + gap + " after its previous run at " + times.get(i - 1));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static long seconds(int seconds) {
    return Duration.ofSeconds(seconds).toNanos();
  }
}
