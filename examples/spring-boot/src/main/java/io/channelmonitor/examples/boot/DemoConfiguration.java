package io.channelmonitor.examples.boot;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.examples.demo.DemoChannels;
import io.channelmonitor.examples.demo.DemoKeyRing;
import io.channelmonitor.examples.demo.DemoTrust;
import io.channelmonitor.secret.KeyRing;
import io.channelmonitor.spring.boot.ChannelMonitorCustomizer;
import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What the demo adds to the starter: the fake upstream, a generated key ring, trust in the fake's
 * certificate, and the runner that seeds the monitors.
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

  /**
   * The fake upstream playing the demo channels over HTTPS on 127.0.0.1. It closes after the
   * starter has stopped the scheduler, so no check is cut off.
   */
  @Bean(destroyMethod = "close")
  FakeUpstream demoFakeUpstream(DemoProperties properties) {
    FakeUpstream upstream = start(properties.fakeUpstreamPort());
    DemoChannels.scriptOnto(upstream, DemoChannels.catalogue());
    return upstream;
  }

  /**
   * <b>Demo only</b>: a key generated on the first start and kept next to the database, so a
   * restart decrypts the stored API keys. A real application sets {@code
   * channel-monitor.key-ring.keys.<id>} from its secret store instead (and defines no such bean).
   */
  @Bean
  KeyRing demoKeyRing(DemoProperties properties) {
    return DemoKeyRing.loadOrCreate(properties.dataDir().resolve("keyring.properties"));
  }

  /** Trust for the fake's self-signed certificate, on top of the JVM's CAs. */
  @Bean
  ChannelMonitorCustomizer demoTrust(FakeUpstream demoFakeUpstream) {
    SSLContext trust = DemoTrust.jvmDefaultsPlus(demoFakeUpstream.certificate());
    return builder -> builder.sslContext(trust);
  }

  @Bean
  DemoSeeder demoSeeder(
      ChannelMonitor channelMonitor, FakeUpstream demoFakeUpstream, Environment environment) {
    return new DemoSeeder(channelMonitor.monitors(), demoFakeUpstream, environment);
  }

  private static FakeUpstream start(int port) {
    try {
      return FakeUpstream.builder().https(true).port(port).build();
    } catch (UncheckedIOException e) {
      if (port == 0) {
        throw e;
      }
      log.warn(
          "demo: port {} is taken; the fake upstream takes a free port and the demo monitors are"
              + " pointed at it (set demo.fake-upstream-port to choose another)",
          port);
      return FakeUpstream.builder().https(true).build();
    }
  }
}
