package io.channelmonitor;

import static io.channelmonitor.TestMonitors.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.StaleMonitorException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Two admins edit one monitor at once: both edits land, none undoes the other. */
class ConcurrentUpdateTest {
  private final InMemoryStore store = spy(new InMemoryStore());

  private MonitorService service() {
    return ChannelMonitor.builder()
        .store(store)
        .keyRing(TestKeys.RING)
        .hostResolver(TestMonitors.PUBLIC_RESOLVER)
        .build()
        .monitors();
  }

  @Test
  void anEditThatLandsBetweenReadAndWriteIsKept() {
    MonitorService service = service();
    Monitor created = service.create(draft().build());
    AtomicBoolean raced = new AtomicBoolean();
    doAnswer(
            invocation -> {
              if (raced.compareAndSet(false, true)) {
                service.update(
                    created.id(),
                    MonitorPatch.builder().enabled(false).intervalSeconds(300).build());
              }
              return invocation.callRealMethod();
            })
        .when(store)
        .updateMonitor(any(MonitorRecord.class));

    Monitor renamed = service.update(created.id(), MonitorPatch.builder().name("renamed").build());

    assertThat(renamed.name()).isEqualTo("renamed");
    assertThat(renamed.enabled()).isFalse();
    assertThat(renamed.intervalSeconds()).isEqualTo(300);
  }

  @Test
  void aMonitorThatKeepsChangingGivesAConflictAfterThreeAttempts() {
    MonitorService service = service();
    Monitor created = service.create(draft().build());
    doThrow(new StaleMonitorException(created.id()))
        .when(store)
        .updateMonitor(any(MonitorRecord.class));

    assertThatThrownBy(() -> service.update(created.id(), MonitorPatch.builder().name("x").build()))
        .isInstanceOf(StaleMonitorException.class)
        .extracting(e -> ((ChannelMonitorException) e).reason())
        .isEqualTo(Reason.CHANNEL_MONITOR_CONFLICT);
    assertThat(service.get(created.id()).name()).isEqualTo(created.name());
  }
}
