package io.channelmonitor.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.StoreException;
import io.channelmonitor.spring.boot.ChannelMonitorAutoConfiguration;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import io.channelmonitor.testkit.store.StoreFixtures;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator and the channelmonitors endpoint: conditions and content. */
class ChannelMonitorActuatorTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ChannelMonitorAutoConfiguration.class,
                  ChannelMonitorHealthAutoConfiguration.class,
                  ChannelMonitorEndpointAutoConfiguration.class));

  @Test
  void theHealthIndicatorIsThereByDefault() {
    runner.run(context -> assertThat(context).hasSingleBean(ChannelMonitorHealthIndicator.class));
  }

  @Test
  void theHealthIndicatorBacksOffWhenDisabledOrWithoutTheHealthModule() {
    runner
        .withPropertyValues("management.health.channel-monitor.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ChannelMonitorHealthIndicator.class));
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ChannelMonitorHealthIndicator.class);
            });
    runner
        .withPropertyValues("channel-monitor.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(ChannelMonitorHealthIndicator.class);
              assertThat(context).doesNotHaveBean(ChannelMonitorsEndpoint.class);
            });
  }

  @Test
  void theEndpointIsRegisteredOnlyWhenExposed() {
    runner.run(context -> assertThat(context).doesNotHaveBean(ChannelMonitorsEndpoint.class));
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=channelmonitors")
        .run(context -> assertThat(context).hasSingleBean(ChannelMonitorsEndpoint.class));
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=channelmonitors")
        .withClassLoader(
            new FilteredClassLoader("org.springframework.boot.actuate.endpoint.annotation"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ChannelMonitorsEndpoint.class);
            });
  }

  @Test
  void theFailOnChannelErrorsPropertyReachesTheIndicator() {
    ChannelMonitor withChannels = monitorWithChannels();
    runner
        .withBean(ChannelMonitorStore.class, withChannels::store)
        .withPropertyValues("channel-monitor.health.fail-on-channel-errors=true")
        .run(
            context ->
                assertThat(
                        context.getBean(ChannelMonitorHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.DOWN));
    runner
        .withBean(ChannelMonitorStore.class, withChannels::store)
        .run(
            context ->
                assertThat(
                        context.getBean(ChannelMonitorHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP));
    withChannels.close();
  }

  @Test
  void applicationBeansReplaceTheIndicatorAndTheEndpoint() {
    ChannelMonitor other = ChannelMonitor.builder().build();
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=channelmonitors")
        .withBean(
            "myIndicator",
            ChannelMonitorHealthIndicator.class,
            () -> new ChannelMonitorHealthIndicator(other, false))
        .withBean(
            "myEndpoint", ChannelMonitorsEndpoint.class, () -> new ChannelMonitorsEndpoint(other))
        .run(
            context -> {
              assertThat(context).hasSingleBean(ChannelMonitorHealthIndicator.class);
              assertThat(context).hasSingleBean(ChannelMonitorsEndpoint.class);
              assertThat(context).hasBean("myIndicator").hasBean("myEndpoint");
            });
    other.close();
  }

  @Test
  void healthIsUpWhileRunningAndSummarisesChannelsByLatestPrimaryStatus() {
    try (ChannelMonitor monitor = monitorWithChannels().start()) {
      Health health = new ChannelMonitorHealthIndicator(monitor, false).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails())
          .containsEntry("scheduler", "running")
          .containsEntry("store", "reachable");
      assertThat(health.getDetails().get("channels"))
          .isEqualTo(
              Map.of(
                  "total", 3,
                  "operational", 1,
                  "degraded", 0,
                  "failed", 1,
                  "error", 0,
                  "unknown", 1));
    }
  }

  @Test
  void aFailingChannelTurnsHealthDownOnlyWhenAskedTo() {
    try (ChannelMonitor monitor = monitorWithChannels().start()) {
      assertThat(new ChannelMonitorHealthIndicator(monitor, true).health().getStatus())
          .isEqualTo(Status.DOWN);
    }
  }

  @Test
  void healthIsDownBeforeStartAndOutOfServiceAfterClose() {
    ChannelMonitor monitor = monitorWithChannels();
    assertThat(new ChannelMonitorHealthIndicator(monitor, false).health().getStatus())
        .isEqualTo(Status.DOWN);
    monitor.close();
    assertThat(new ChannelMonitorHealthIndicator(monitor, false).health().getStatus())
        .isEqualTo(Status.OUT_OF_SERVICE);
  }

  @Test
  void anUnreachableStoreTurnsHealthDown() {
    ChannelMonitorStore store = mock(ChannelMonitorStore.class);
    when(store.rollupWatermark()).thenThrow(new StoreException("read watermark", null));
    try (ChannelMonitor monitor = ChannelMonitor.builder().store(store).build().start()) {
      Health health = new ChannelMonitorHealthIndicator(monitor, false).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("store", "unreachable");
      assertThat(health.getDetails().get("error").toString()).contains("read watermark");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEndpointListsEveryMonitorWithLatestStatusAndWeekAvailability() {
    try (ChannelMonitor monitor = monitorWithChannels()) {
      Map<String, Object> body = new ChannelMonitorsEndpoint(monitor).monitors();
      List<Map<String, Object>> monitors = (List<Map<String, Object>>) body.get("monitors");
      assertThat(monitors).hasSize(4);
      Map<String, Object> failing = monitors.get(monitors.size() - 2);
      assertThat(failing)
          .containsEntry("name", "failing")
          .containsEntry("primary_status", "failed")
          .containsEntry("availability_7d", 50.0)
          .containsEntry("enabled", true)
          .doesNotContainKeys("endpoint", "api_key_masked", "message");
      Map<String, Object> disabled = monitors.get(0);
      assertThat(disabled).containsEntry("enabled", false).containsEntry("primary_status", null);
      assertThat((List<Map<String, Object>>) failing.get("models"))
          .first()
          .satisfies(m -> assertThat(m).containsEntry("status", "failed"));
    }
  }

  /** One operational, one failing, one never checked and one disabled channel. */
  static ChannelMonitor monitorWithChannels() {
    InMemoryStore store = new InMemoryStore();
    long healthy = store.insertMonitor(StoreFixtures.monitor().name("healthy").record()).id();
    long failing = store.insertMonitor(StoreFixtures.monitor().name("failing").record()).id();
    store.insertMonitor(StoreFixtures.monitor().name("new").record());
    store.insertMonitor(StoreFixtures.monitor().name("off").enabled(false).record());
    store.insertResults(
        List.of(
            StoreFixtures.result(NOW.minusSeconds(60)).of(healthy),
            StoreFixtures.result(NOW.minusSeconds(120)).of(failing),
            StoreFixtures.result(NOW.minusSeconds(60))
                .failure(CheckStatus.FAILED, FailureKind.CHALLENGE_MISMATCH)
                .of(failing)));
    return ChannelMonitor.builder().store(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }
}
