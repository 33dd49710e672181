package io.channelmonitor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.spring.boot.ChannelMonitorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.DispatcherServlet;

/** Which controllers are registered, by property, application type and classpath. */
class ChannelMonitorWebAutoConfigurationTest {
  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ChannelMonitorAutoConfiguration.class, ChannelMonitorWebAutoConfiguration.class));

  @Test
  void byDefaultOnlyTheReadOnlyUserRoutesAreRegistered() {
    web.run(
        context -> {
          assertThat(context).hasSingleBean(UserMonitorController.class);
          assertThat(context).hasSingleBean(StatusPageController.class);
          assertThat(context).doesNotHaveBean(AdminMonitorController.class);
        });
  }

  @Test
  void theStatusPageCanBeTurnedOff() {
    web.withPropertyValues("channel-monitor.web.status-page.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(StatusPageController.class);
              assertThat(context).hasSingleBean(UserMonitorController.class);
            });
  }

  @Test
  void theAdminRoutesNeedTheirSwitch() {
    web.withPropertyValues("channel-monitor.web.admin.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(AdminMonitorController.class));
  }

  @Test
  void theUserRoutesCanBeTurnedOff() {
    web.withPropertyValues("channel-monitor.web.user.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(UserMonitorController.class));
  }

  @Test
  void nothingIsRegisteredOutsideAServletApplication() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                ChannelMonitorAutoConfiguration.class, ChannelMonitorWebAutoConfiguration.class))
        .withPropertyValues("channel-monitor.web.admin.enabled=true")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(UserMonitorController.class);
              assertThat(context).doesNotHaveBean(StatusPageController.class);
              assertThat(context).doesNotHaveBean(AdminMonitorController.class);
            });
  }

  @Test
  void nothingIsRegisteredWithoutSpringMvc() {
    web.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
        .withPropertyValues("channel-monitor.web.admin.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(UserMonitorController.class);
              assertThat(context).doesNotHaveBean(AdminMonitorController.class);
            });
  }

  @Test
  void theStarterSwitchRemovesTheControllersToo() {
    web.withPropertyValues(
            "channel-monitor.enabled=false", "channel-monitor.web.admin.enabled=true")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(UserMonitorController.class);
              assertThat(context).doesNotHaveBean(AdminMonitorController.class);
            });
  }

  @Test
  void aMalformedBasePathFailsStartup() {
    for (String path : new String[] {"api", "/api/", "/a//b"}) {
      web.withPropertyValues("channel-monitor.web.base-path=" + path)
          .run(
              context ->
                  assertThat(context)
                      .getFailure()
                      .hasStackTraceContaining("channel-monitor.web.base-path must be empty"));
    }
    web.withPropertyValues("channel-monitor.web.base-path=")
        .run(context -> assertThat(context).hasNotFailed());
  }
}
