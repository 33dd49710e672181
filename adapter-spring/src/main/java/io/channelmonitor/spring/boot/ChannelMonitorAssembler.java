package io.channelmonitor.spring.boot;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckListener;
import io.channelmonitor.probe.ChannelChecker;
import io.channelmonitor.schedule.ClusterCoordinator;
import io.channelmonitor.schedule.SettingsProvider;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.secret.SecretCodec;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfPolicy;
import io.channelmonitor.store.ChannelMonitorStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Builds the {@link ChannelMonitor} from the properties, the application's beans and the
 * customizers, in that order: a customizer sees, and may override, everything the starter set.
 */
final class ChannelMonitorAssembler {
  private final ChannelMonitorProperties properties;
  private final ChannelMonitor.Builder builder = ChannelMonitor.builder();
  private boolean keyGiven;

  ChannelMonitorAssembler(ChannelMonitorProperties properties) {
    this.properties = properties;
  }

  /** The parts the starter always has a bean for. */
  ChannelMonitorAssembler core(
      ChannelMonitorStore store,
      ChannelMonitorSettings settings,
      SsrfPolicy ssrfPolicy,
      SettingsProvider settingsProvider,
      Clock clock) {
    builder
        .store(store)
        .settings(settings)
        .ssrfPolicy(ssrfPolicy)
        .settingsProvider(settingsProvider)
        .clock(clock);
    return this;
  }

  /** The secret key: a SecretCodec bean, else a KeyRing bean, else the key-ring properties. */
  ChannelMonitorAssembler keys(ObjectProvider<SecretCodec> codecs, ObjectProvider<KeyRing> rings) {
    SecretCodec codec = codecs.getIfUnique();
    if (codec != null) {
      builder.secretCodec(codec);
      keyGiven = true;
      return this;
    }
    KeyRing ring = rings.getIfUnique(() -> PropertyConversions.keyRing(properties.getKeyRing()));
    if (ring != null) {
      builder.keyRing(ring);
      keyGiven = true;
    }
    return this;
  }

  /** Optional collaborators the application may define as beans. */
  ChannelMonitorAssembler optional(
      ObjectProvider<MeterRegistry> registries,
      ObjectProvider<HostResolver> resolvers,
      ObjectProvider<ClusterCoordinator> coordinators,
      ObjectProvider<CheckListener> listeners,
      ObjectProvider<ChannelChecker> checkers) {
    registries.ifUnique(builder::meterRegistry);
    resolvers.ifUnique(builder::hostResolver);
    coordinators.ifUnique(builder::clusterCoordinator);
    listeners.orderedStream().forEach(builder::listener);
    checkers.orderedStream().forEach(builder::checker);
    return this;
  }

  ChannelMonitorAssembler customize(ObjectProvider<ChannelMonitorCustomizer> customizers) {
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return this;
  }

  /**
   * Builds the monitor.
   *
   * @throws IllegalStateException when a persistent store has no key; the message names the
   *     properties to set
   */
  ChannelMonitor build(ChannelMonitorStore store) {
    try {
      return builder.build();
    } catch (IllegalStateException e) {
      if (store.persistent() && !keyGiven) {
        throw new IllegalStateException(missingKeyMessage(store), e);
      }
      throw e;
    }
  }

  private static String missingKeyMessage(ChannelMonitorStore store) {
    return "channel-monitor: the "
        + store.getClass().getSimpleName()
        + " keeps API keys encrypted across restarts and needs a key you own. Set"
        + " channel-monitor.key-ring.keys.<id>=<base64 of 32 random bytes>"
        + " (e.g. `openssl rand -base64 32`) and channel-monitor.key-ring.primary-id=<id>,"
        + " or define a KeyRing or SecretCodec bean, or use channel-monitor.store=memory";
  }
}
