package io.channelmonitor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.CheckListener;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.probe.ChannelChecker;
import io.channelmonitor.secret.SecretCodec;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Collaborators the application defines as beans reach the builder. */
class ApplicationBeansTest {
  static final FakeUpstream UPSTREAM = FakeUpstream.start();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ChannelMonitorAutoConfiguration.class))
          .withPropertyValues(
              "channel-monitor.ssrf.allowed-cidrs=127.0.0.0/8",
              "channel-monitor.ssrf.allow-insecure-http=true");

  @AfterAll
  static void stopUpstream() {
    UPSTREAM.close();
  }

  @Test
  void listenerAndHostResolverBeansAreUsed() {
    List<List<CheckResult>> runs = new CopyOnWriteArrayList<>();
    CheckListener listener =
        new CheckListener() {
          @Override
          public void onRun(Monitor monitor, List<CheckResult> results) {
            runs.add(results);
          }
        };
    HostResolver fakeDns =
        host -> {
          if (host.equals("relay.fake.test")) {
            return List.of(InetAddress.getLoopbackAddress());
          }
          throw new UnknownHostException(host);
        };
    runner
        .withBean(CheckListener.class, () -> listener)
        .withBean(HostResolver.class, () -> fakeDns)
        .run(
            context -> {
              ChannelMonitor monitor = context.getBean(ChannelMonitor.class);
              Monitor created =
                  monitor
                      .monitors()
                      .create(
                          MonitorDraft.builder()
                              .name("relay")
                              .provider("openai")
                              .endpoint("http://relay.fake.test:" + UPSTREAM.port())
                              .apiKey("sk-test")
                              .primaryModel("gpt-4o-mini")
                              .enabled(false)
                              .build());
              List<CheckResult> results = monitor.monitors().runNow(created.id());
              assertThat(results)
                  .extracting(CheckResult::status)
                  .containsOnly(CheckStatus.OPERATIONAL);
              assertThat(runs).containsExactly(results);
            });
  }

  @Test
  void checkerBeansAddProviders() {
    ChannelChecker custom = mock(ChannelChecker.class);
    when(custom.providerId()).thenReturn("custom");
    MonitorDraft draft =
        MonitorDraft.builder()
            .name("x")
            .provider("custom")
            .endpoint("ftp://example.com")
            .apiKey("k")
            .primaryModel("m")
            .build();
    runner.run(
        context ->
            assertThatThrownBy(() -> context.getBean(ChannelMonitor.class).monitors().create(draft))
                .isInstanceOfSatisfying(
                    MonitorValidationException.class,
                    e -> assertThat(e.reasonCode()).isEqualTo("CHANNEL_MONITOR_INVALID_PROVIDER")));
    runner
        .withBean(ChannelChecker.class, () -> custom)
        .run(
            context ->
                assertThatThrownBy(
                        () -> context.getBean(ChannelMonitor.class).monitors().create(draft))
                    .isInstanceOfSatisfying(
                        MonitorValidationException.class,
                        e ->
                            assertThat(e.reasonCode())
                                .isEqualTo("CHANNEL_MONITOR_ENDPOINT_SCHEME")));
  }

  @Test
  void aSecretCodecBeanServesAsTheKeyOfAPersistentStore() {
    SecretCodec codec = mock(SecretCodec.class);
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                DataSourceAutoConfiguration.class, ChannelMonitorAutoConfiguration.class))
        .withBean(SecretCodec.class, () -> codec)
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void anApplicationLifecycleBeanReplacesTheStartersOne() {
    runner
        .withBean(
            "myLifecycle",
            ChannelMonitorLifecycle.class,
            () -> new ChannelMonitorLifecycle(ChannelMonitor.builder().build()))
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("channelMonitorLifecycle");
              assertThat(context.getBean(ChannelMonitor.class).scheduler().state())
                  .isEqualTo(io.channelmonitor.schedule.MonitorScheduler.State.NEW);
            });
  }
}
