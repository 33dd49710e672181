package io.channelmonitor.spring.boot.web;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.spring.boot.ChannelMonitorAutoConfiguration;
import io.channelmonitor.spring.boot.ChannelMonitorProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/**
 * The REST API on Spring MVC: the read-only user routes and the status page (on by default) and the
 * admin routes (off by default; they carry no security of their own). Routes sit under {@code
 * channel-monitor.web.base-path}.
 */
@AutoConfiguration(after = ChannelMonitorAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBooleanProperty(name = "channel-monitor.enabled", matchIfMissing = true)
@ConditionalOnBean(ChannelMonitor.class)
public class ChannelMonitorWebAutoConfiguration {

  ChannelMonitorWebAutoConfiguration(ChannelMonitorProperties properties) {
    checkBasePath(properties.getWeb().getBasePath());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty("channel-monitor.web.admin.enabled")
  AdminMonitorController channelMonitorAdminController(ChannelMonitor channelMonitor) {
    return new AdminMonitorController(channelMonitor);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "channel-monitor.web.user.enabled", matchIfMissing = true)
  UserMonitorController channelMonitorUserController(
      ChannelMonitor channelMonitor, SettingsProvider featureSwitch) {
    return new UserMonitorController(channelMonitor, featureSwitch);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(
      name = "channel-monitor.web.status-page.enabled",
      matchIfMissing = true)
  StatusPageController channelMonitorStatusPageController(
      ChannelMonitor channelMonitor, SettingsProvider featureSwitch) {
    return new StatusPageController(channelMonitor, featureSwitch);
  }

  /** An empty base path, or one that starts with {@code /} and does not end with it. */
  static void checkBasePath(String basePath) {
    if (basePath == null
        || (!basePath.isEmpty()
            && (!basePath.startsWith("/") || basePath.endsWith("/") || basePath.contains("//")))) {
      throw new IllegalArgumentException(
          "channel-monitor.web.base-path must be empty or start with '/' and not end with '/': "
              + basePath);
    }
  }
}
