package io.channelmonitor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.schedule.MonitorScheduler;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.InMemoryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The core auto-configuration: defaults, the off switch, backing off, properties, lifecycle. */
@ExtendWith(OutputCaptureExtension.class)
class ChannelMonitorAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ChannelMonitorAutoConfiguration.class));

  @Test
  void withoutDataSourceItRunsOnTheInMemoryStoreAndWarnsThatNothingIsKept(CapturedOutput output) {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(ChannelMonitor.class);
          assertThat(context).hasSingleBean(ChannelMonitorLifecycle.class);
          assertThat(context.getBean(ChannelMonitorStore.class)).isInstanceOf(InMemoryStore.class);
          assertThat(output).contains("in-memory store").contains("NOT kept across restarts");
        });
  }

  @Test
  void defaultsAreTheLibraryConstants() {
    runner.run(
        context -> {
          ChannelMonitorSettings settings = context.getBean(ChannelMonitorSettings.class);
          ChannelMonitorSettings defaults = ChannelMonitorSettings.defaults();
          assertThat(settings.defaultIntervalSeconds())
              .isEqualTo(ChannelMonitorSettings.DEFAULT_INTERVAL_SECONDS);
          assertThat(settings.degradedThreshold()).isEqualTo(defaults.degradedThreshold());
          assertThat(settings.requestTimeout()).isEqualTo(defaults.requestTimeout());
          assertThat(settings.pingTimeout()).isEqualTo(defaults.pingTimeout());
          assertThat(settings.connectTimeout()).isEqualTo(defaults.connectTimeout());
          assertThat(settings.stopTimeout()).isEqualTo(defaults.stopTimeout());
          assertThat(settings.maxConcurrentChecks()).isEqualTo(defaults.maxConcurrentChecks());
          assertThat(settings.queueCapacity()).isEqualTo(defaults.queueCapacity());
          assertThat(settings.modelConcurrency()).isEqualTo(defaults.modelConcurrency());
          assertThat(settings.modelMetricTag()).isEqualTo(defaults.modelMetricTag());
          assertThat(settings.rawRetentionDays()).isEqualTo(defaults.rawRetentionDays());
          assertThat(settings.rollupRetentionDays()).isEqualTo(defaults.rollupRetentionDays());
          assertThat(context.getBean(SsrfPolicy.class)).isEqualTo(SsrfPolicy.strict());
          assertThat(context.getBean(SettingsProvider.class).monitoringEnabled()).isTrue();
        });
  }

  @Test
  void enabledFalseRemovesEveryBean() {
    runner
        .withPropertyValues("channel-monitor.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(ChannelMonitor.class);
              assertThat(context).doesNotHaveBean(ChannelMonitorStore.class);
              assertThat(context).doesNotHaveBean(ChannelMonitorSettings.class);
              assertThat(context).doesNotHaveBean(SsrfPolicy.class);
              assertThat(context).doesNotHaveBean(SettingsProvider.class);
              assertThat(context).doesNotHaveBean(ChannelMonitorLifecycle.class);
              assertThat(context).doesNotHaveBean(ChannelMonitorProperties.class);
            });
  }

  @Test
  void everyPropertyReachesTheSettings() {
    runner
        .withPropertyValues(
            "channel-monitor.default-interval=90",
            "channel-monitor.degraded-threshold=2500",
            "channel-monitor.request-timeout=20s",
            "channel-monitor.ping-timeout=3",
            "channel-monitor.connect-timeout=4s",
            "channel-monitor.stop-timeout=7s",
            "channel-monitor.max-concurrent-checks=8",
            "channel-monitor.queue-capacity=16",
            "channel-monitor.model-concurrency=2",
            "channel-monitor.model-metric-tag=true",
            "channel-monitor.retention.raw-days=3",
            "channel-monitor.retention.rollup-days=40")
        .run(
            context -> {
              ChannelMonitorSettings settings = context.getBean(ChannelMonitor.class).settings();
              assertThat(settings.defaultIntervalSeconds()).isEqualTo(90);
              assertThat(settings.degradedThreshold()).isEqualTo(Duration.ofMillis(2500));
              assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
              assertThat(settings.pingTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
              assertThat(settings.stopTimeout()).isEqualTo(Duration.ofSeconds(7));
              assertThat(settings.maxConcurrentChecks()).isEqualTo(8);
              assertThat(settings.queueCapacity()).isEqualTo(16);
              assertThat(settings.modelConcurrency()).isEqualTo(2);
              assertThat(settings.modelMetricTag()).isTrue();
              assertThat(settings.rawRetentionDays()).isEqualTo(3);
              assertThat(settings.rollupRetentionDays()).isEqualTo(40);
            });
  }

  @Test
  void anOutOfRangeValueFailsStartupNamingIt() {
    runner
        .withPropertyValues("channel-monitor.max-concurrent-checks=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("maxConcurrentChecks must be in [1, 100000]: 0"));
    runner
        .withPropertyValues("channel-monitor.default-interval=1500ms")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("default-interval must be whole seconds"));
  }

  @Test
  void ssrfPropertiesOpenTheNamedNetworksAndHosts() {
    runner
        .withPropertyValues(
            "channel-monitor.ssrf.allowed-cidrs=10.20.0.0/16, 127.0.0.0/8",
            "channel-monitor.ssrf.allowed-hosts=llm.corp.example,*.openai.azure.com",
            "channel-monitor.ssrf.allow-insecure-http=true",
            "channel-monitor.ssrf.resolve-timeout=2")
        .run(
            context -> {
              SsrfPolicy policy = context.getBean(SsrfPolicy.class);
              assertThat(policy.allowedCidrs()).containsExactly("10.20.0.0/16", "127.0.0.0/8");
              assertThat(policy.allowedHosts())
                  .containsExactly("llm.corp.example", "*.openai.azure.com");
              assertThat(policy.allowInsecureHttp()).isTrue();
              assertThat(policy.resolveTimeout()).isEqualTo(Duration.ofSeconds(2));
            });
    runner
        .withPropertyValues("channel-monitor.ssrf.allowed-cidrs=10.0.0.1/8")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("invalid channel-monitor.ssrf.* property"));
  }

  @Test
  void theFeatureSwitchPropertyIsReadThroughTheSettingsProvider() {
    runner
        .withPropertyValues("channel-monitor.monitoring-enabled=false")
        .run(
            context ->
                assertThat(context.getBean(SettingsProvider.class).monitoringEnabled()).isFalse());
  }

  @Test
  void applicationBeansReplaceTheStartersOwn() {
    runner
        .withUserConfiguration(OwnBeans.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(ChannelMonitorStore.class);
              assertThat(context.getBean(ChannelMonitorStore.class))
                  .isSameAs(OwnBeans.STORE)
                  .isSameAs(context.getBean(ChannelMonitor.class).store());
              assertThat(context.getBean(ChannelMonitor.class).settings())
                  .isSameAs(OwnBeans.SETTINGS);
              assertThat(context.getBean(SsrfPolicy.class)).isSameAs(OwnBeans.POLICY);
              assertThat(context.getBean(SettingsProvider.class))
                  .isSameAs(OwnBeans.SWITCH_PROVIDER);
            });
  }

  @Test
  void anApplicationChannelMonitorReplacesTheStartersOne() {
    runner
        .withBean("myMonitor", ChannelMonitor.class, () -> ChannelMonitor.builder().build())
        .run(
            context -> {
              assertThat(context).hasSingleBean(ChannelMonitor.class);
              assertThat(context).hasBean("myMonitor");
              assertThat(context).doesNotHaveBean("channelMonitor");
            });
  }

  @Test
  void customizersRunInOrderAfterTheProperties() {
    runner
        .withUserConfiguration(Customizers.class)
        .run(
            context -> {
              ChannelMonitor monitor = context.getBean(ChannelMonitor.class);
              assertThat(monitor.clock()).isSameAs(Customizers.SECOND_CLOCK);
              assertThat(Customizers.SEEN_BY_FIRST.get()).isNotNull();
            });
  }

  @Test
  void theApplicationsMeterRegistryGetsTheMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    runner
        .withBean(MeterRegistry.class, () -> registry)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(registry.find(MonitorScheduler.METER_MONITORS_SCHEDULED).gauge())
                  .isNotNull();
            });
  }

  @Test
  void theSchedulerStartsWithTheContextAndStopsWhenItCloses() {
    AtomicReference<ChannelMonitor> seen = new AtomicReference<>();
    runner.run(
        context -> {
          ChannelMonitor monitor = context.getBean(ChannelMonitor.class);
          seen.set(monitor);
          assertThat(monitor.scheduler().state()).isEqualTo(MonitorScheduler.State.RUNNING);
          assertThat(context.getBean(ChannelMonitorLifecycle.class).isRunning()).isTrue();
          assertThat(context.getBean(ChannelMonitorLifecycle.class).getPhase())
              .isEqualTo(ChannelMonitorLifecycle.PHASE);
        });
    assertThat(seen.get().scheduler().state()).isEqualTo(MonitorScheduler.State.STOPPED);
  }

  @Test
  void stoppingTheContextClosesTheMonitor() {
    runner.run(
        context -> {
          ChannelMonitor monitor = context.getBean(ChannelMonitor.class);
          ((ConfigurableApplicationContext) context.getSourceApplicationContext()).stop();
          assertThat(monitor.scheduler().state()).isEqualTo(MonitorScheduler.State.STOPPED);
          assertThat(context.getBean(ChannelMonitorLifecycle.class).isRunning()).isFalse();
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    static final ChannelMonitorStore STORE = new InMemoryStore();
    static final ChannelMonitorSettings SETTINGS =
        ChannelMonitorSettings.builder().defaultIntervalSeconds(120).build();
    static final SsrfPolicy POLICY = SsrfPolicy.builder().allowHost("llm.corp.example").build();
    static final SettingsProvider SWITCH_PROVIDER = () -> false;

    @Bean
    ChannelMonitorStore myStore() {
      return STORE;
    }

    @Bean
    ChannelMonitorSettings mySettings() {
      return SETTINGS;
    }

    @Bean
    SsrfPolicy myPolicy() {
      return POLICY;
    }

    @Bean
    SettingsProvider mySwitch() {
      return SWITCH_PROVIDER;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    static final Clock FIRST_CLOCK =
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final Clock SECOND_CLOCK =
        Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
    static final AtomicReference<ChannelMonitor.Builder> SEEN_BY_FIRST = new AtomicReference<>();

    @Bean
    @Order(2)
    ChannelMonitorCustomizer second() {
      return builder -> builder.clock(SECOND_CLOCK);
    }

    @Bean
    @Order(1)
    ChannelMonitorCustomizer first() {
      return builder -> {
        SEEN_BY_FIRST.set(builder);
        builder.clock(FIRST_CLOCK);
      };
    }
  }
}
