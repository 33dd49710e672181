package io.channelmonitor.spring.boot.actuate;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.spring.boot.ChannelMonitorAutoConfiguration;
import io.channelmonitor.spring.boot.ChannelMonitorProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator, when Boot 4's {@code spring-boot-health} is present (the actuator starter
 * brings it). Off with {@code management.health.channel-monitor.enabled=false}.
 */
@AutoConfiguration(after = ChannelMonitorAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBooleanProperty(name = "channel-monitor.enabled", matchIfMissing = true)
@ConditionalOnBean(ChannelMonitor.class)
@ConditionalOnEnabledHealthIndicator("channel-monitor")
public class ChannelMonitorHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ChannelMonitorHealthIndicator channelMonitorHealthIndicator(
      ChannelMonitor channelMonitor, ChannelMonitorProperties properties) {
    return new ChannelMonitorHealthIndicator(
        channelMonitor, properties.getHealth().isFailOnChannelErrors());
  }
}
