package io.channelmonitor.schedule;

/**
 * The global feature switch, read by {@link MonitorScheduler} at every fire. It is called on the
 * timer thread, so an implementation that reads a database should cache the value briefly.
 */
@FunctionalInterface
public interface SettingsProvider {
  /**
   * Whether scheduled checks run at all. When it returns false a due run is skipped (and counted),
   * and the monitor's timer stays armed, so checks resume once the switch is on again.
   *
   * @throws Exception when the value cannot be read; the switch then counts as on (fail-open)
   */
  boolean monitoringEnabled() throws Exception;

  /** A switch that is always on: the default. */
  static SettingsProvider alwaysOn() {
    return () -> true;
  }
}
