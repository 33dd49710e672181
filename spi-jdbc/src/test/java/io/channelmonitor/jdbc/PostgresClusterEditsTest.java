package io.channelmonitor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorPatch;
import io.channelmonitor.MonitorService;
import io.channelmonitor.jdbc.ClusterRig.Instance;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one instance does to a monitor reaches the others through the database, at their next poll:
 * a created or re-enabled monitor runs at once on whichever instance claims it, a disabled one is
 * claimed by none even when due, an edit of the probe runs at once with the new model, a rename
 * does not re-probe, a manual run stores its results under the lease, and a delete removes the due
 * time.
 */
class PostgresClusterEditsTest {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  private static final Duration SOON = Duration.ofSeconds(15);

  /** Several polls of every instance (each waits at most 1.5 x 200 ms). */
  private static final long A_FEW_POLLS_MILLIS = 1_500;

  @Test
  @Timeout(120)
  void editsOnOneInstanceReachTheOthers() throws Exception {
    try (FakeUpstream upstream = FakeUpstream.builder().build();
        ClusterRig rig = new ClusterRig(DB.dataSource(), upstream)) {
      Instance a = rig.start("a", Clock.systemUTC());
      Instance b = rig.start("b", Clock.systemUTC());
      MonitorService onA = a.monitor().monitors();
      MonitorService onB = b.monitor().monitors();

      long id = onA.create(rig.draft("edited")).id();
      awaitResults(onB, id, 1);

      onB.update(id, MonitorPatch.builder().enabled(false).build());
      rig.schedule().dueIn(id, -1_000);
      Thread.sleep(A_FEW_POLLS_MILLIS);
      assertThat(onA.history(id, null, 10)).hasSize(1);

      onA.update(id, MonitorPatch.builder().enabled(true).build());
      awaitResults(onB, id, 2);

      onB.update(id, MonitorPatch.builder().primaryModel("gpt-edited").build());
      List<ResultRecord> afterEdit = awaitResults(onA, id, 3);
      assertThat(afterEdit.get(0).result().model()).isEqualTo("gpt-edited");

      Monitor renamed = onA.update(id, MonitorPatch.builder().name("renamed").build());
      Thread.sleep(A_FEW_POLLS_MILLIS);
      assertThat(onB.history(id, null, 10)).hasSize(3);
      assertThat(onB.get(id).name()).isEqualTo(renamed.name());

      assertThat(onB.runNow(id)).hasSize(1);
      assertThat(onA.history(id, null, 10)).hasSize(4);

      onA.delete(id);
      assertThat(rig.schedule().row(id)).isEmpty();
      assertThat(a.fenced() + b.fenced()).isZero();
    }
  }

  private static List<ResultRecord> awaitResults(MonitorService service, long id, int count)
      throws InterruptedException {
    ClusterRig.await(
        "monitor " + id + " has " + count + " results",
        SOON,
        () -> service.history(id, null, 10).size() >= count);
    List<ResultRecord> history = service.history(id, null, 10);
    assertThat(history).hasSize(count);
    return history;
  }
}
