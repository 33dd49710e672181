package io.channelmonitor.spring.boot.actuate;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.spring.boot.ChannelMonitorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code channelmonitors} actuator endpoint, when the actuator is present. Like every endpoint
 * it is available once exposed: {@code management.endpoints.web.exposure.include=channelmonitors}.
 */
@AutoConfiguration(after = ChannelMonitorAutoConfiguration.class)
@ConditionalOnClass(
    name = {
      "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
      "org.springframework.boot.actuate.autoconfigure.endpoint.condition"
          + ".ConditionalOnAvailableEndpoint"
    })
@ConditionalOnBooleanProperty(name = "channel-monitor.enabled", matchIfMissing = true)
@ConditionalOnBean(ChannelMonitor.class)
public class ChannelMonitorEndpointAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint(ChannelMonitorsEndpoint.class)
  ChannelMonitorsEndpoint channelMonitorsEndpoint(ChannelMonitor channelMonitor) {
    return new ChannelMonitorsEndpoint(channelMonitor);
  }
}
