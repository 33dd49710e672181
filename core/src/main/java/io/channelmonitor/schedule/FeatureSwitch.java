package io.channelmonitor.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the global switch at every fire; a failure counts as on (fail-open) and is reported at WARN
 * at most every {@link MonitorScheduler#SWITCH_WARN_INTERVAL}, at DEBUG otherwise.
 */
final class FeatureSwitch {
  private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);

  private final SettingsProvider provider;
  private final Clock clock;
  private final AtomicLong lastWarnMillis = new AtomicLong(Long.MIN_VALUE);

  FeatureSwitch(SettingsProvider provider, Clock clock) {
    this.provider = provider;
    this.clock = clock;
  }

  boolean on() {
    try {
      return provider.monitoringEnabled();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      long now = clock.millis();
      long last = lastWarnMillis.get();
      Duration interval = MonitorScheduler.SWITCH_WARN_INTERVAL;
      boolean warn =
          (last == Long.MIN_VALUE || now - last >= interval.toMillis())
              && lastWarnMillis.compareAndSet(last, now);
      if (warn) {
        log.warn("channel_monitor: reading the monitoring switch failed; treating it as on", e);
      } else {
        log.debug("channel_monitor: reading the monitoring switch failed ({})", e.toString());
      }
      return true;
    }
  }
}
