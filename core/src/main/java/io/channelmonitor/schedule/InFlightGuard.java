package io.channelmonitor.schedule;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One check per monitor at a time. Scheduled runs and manual runs take the same guard, so a manual
 * run never overlaps a scheduled one and a scheduled fire skips while a manual run holds the
 * monitor. Thread-safe.
 */
public final class InFlightGuard {
  private final Set<Long> held = ConcurrentHashMap.newKeySet();

  /**
   * Takes the monitor's slot.
   *
   * @return false when a check of this monitor is already queued or running
   */
  public boolean tryAcquire(long monitorId) {
    return held.add(monitorId);
  }

  /** Frees the monitor's slot; releasing a free slot does nothing. */
  public void release(long monitorId) {
    held.remove(monitorId);
  }

  /** Whether a check of this monitor is queued or running. */
  public boolean isRunning(long monitorId) {
    return held.contains(monitorId);
  }

  /** How many monitors hold a slot now. */
  public int count() {
    return held.size();
  }

  @Override
  public String toString() {
    return "InFlightGuard[" + held.size() + " held]";
  }
}
