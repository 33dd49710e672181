package io.channelmonitor.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.examples.demo.DemoChannels;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the demo twice on the same data folder, as a user restarting it would: the second start
 * finds the monitors by name, decrypts their keys with the key ring kept in the folder and points
 * them at the fake upstream's new port, without adding any. Loopback only.
 */
class DemoRestartTest {
  @TempDir Path dataDir;

  @Test
  void aRestartReusesTheMonitorsAndTheirEncryptedKeys() {
    List<Monitor> first = monitorsAfterStart();
    List<Monitor> second = monitorsAfterStart();

    assertThat(second).hasSize(DemoChannels.DISTINCT);
    assertThat(second).extracting(Monitor::id).containsExactlyElementsOf(ids(first));
    assertThat(second).noneMatch(Monitor::keyDecryptFailed);
    assertThat(second)
        .extracting(m -> m.apiKey().reveal())
        .containsExactlyElementsOf(first.stream().map(m -> m.apiKey().reveal()).toList());
  }

  private List<Monitor> monitorsAfterStart() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(DemoApplication.class)
            .properties(
                "server.port=0",
                "server.address=127.0.0.1",
                "demo.fake-upstream-port=0",
                "demo.data-dir=" + dataDir)
            .run()) {
      String endpoint = context.getBean(FakeUpstream.class).endpoint();
      List<Monitor> monitors =
          context.getBean(ChannelMonitor.class).monitors().list(MonitorQuery.all()).items();
      assertThat(monitors).allSatisfy(m -> assertThat(m.endpoint()).isEqualTo(endpoint));
      return monitors;
    }
  }

  private static List<Long> ids(List<Monitor> monitors) {
    return monitors.stream().map(Monitor::id).toList();
  }
}
