package io.channelmonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import org.junit.jupiter.api.Test;

class ChannelMonitorBuilderTest {
  @Test
  void aPersistentStoreNeedsAHostSuppliedKey() {
    ChannelMonitorStore persistent = mock(ChannelMonitorStore.class);
    when(persistent.persistent()).thenReturn(true);

    assertThatThrownBy(() -> ChannelMonitor.builder().store(persistent).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyRing");
    assertThat(ChannelMonitor.builder().store(persistent).keyRing(TestKeys.RING).build())
        .isNotNull();
  }

  @Test
  void defaultsGiveAWorkingInMemoryMonitor() {
    try (ChannelMonitor channelMonitor = TestMonitors.channelMonitor()) {
      assertThat(channelMonitor.store()).isInstanceOf(InMemoryStore.class);
      Monitor created = channelMonitor.monitors().create(TestMonitors.draft().build());
      assertThat(channelMonitor.monitors().get(created.id()).apiKey().reveal())
          .isEqualTo(TestMonitors.KEY);
    }
  }

  @Test
  void closeIsIdempotentAndStopsService() {
    ChannelMonitor channelMonitor = TestMonitors.channelMonitor();
    channelMonitor.close();
    channelMonitor.close();

    assertThatThrownBy(channelMonitor::monitors).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void settingsValidateTheirValues() {
    assertThat(ChannelMonitorSettings.defaults().defaultIntervalSeconds()).isEqualTo(60);
    assertThatThrownBy(() -> ChannelMonitorSettings.builder().defaultIntervalSeconds(14))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("14");
    assertThat(
            ChannelMonitorSettings.builder().defaultIntervalSeconds(300).build().toBuilder()
                .build()
                .defaultIntervalSeconds())
        .isEqualTo(300);
  }
}
