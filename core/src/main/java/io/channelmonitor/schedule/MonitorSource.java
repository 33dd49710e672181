package io.channelmonitor.schedule;

import io.channelmonitor.Monitor;
import java.util.List;

/** Where {@link MonitorScheduler#start()} finds the monitors to schedule. */
@FunctionalInterface
public interface MonitorSource {
  /**
   * Every enabled monitor, decrypted (a monitor whose key cannot be decrypted comes back with
   * {@code keyDecryptFailed} and is skipped). A failure is logged and not retried: the monitors are
   * scheduled when they are next edited, or at the next start.
   */
  List<Monitor> enabledMonitors();
}
