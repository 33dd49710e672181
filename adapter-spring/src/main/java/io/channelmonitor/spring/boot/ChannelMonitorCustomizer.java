package io.channelmonitor.spring.boot;

import io.channelmonitor.ChannelMonitor;

/**
 * Changes the {@link ChannelMonitor.Builder} after the starter applied the properties and before it
 * builds: for what a property cannot say, such as trust material ({@code sslContext}), an extra
 * checker, a challenge, a host resolver or a listener. Every customizer bean is applied, in {@link
 * org.springframework.core.annotation.Order @Order}; a later one wins where two set the same
 * option.
 *
 * <pre>{@code
 * @Bean
 * ChannelMonitorCustomizer corporateTrust(SSLContext corporate) {
 *   return builder -> builder.sslContext(corporate);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ChannelMonitorCustomizer {
  /** Changes {@code builder}; it must not call {@code build()}. */
  void customize(ChannelMonitor.Builder builder);
}
