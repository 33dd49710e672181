package io.channelmonitor.schedule;

import java.util.Locale;

/**
 * Why a due run was skipped: the {@code reason} tag of the counter {@value
 * MonitorScheduler#METER_RUNS_SKIPPED}.
 */
public enum SkipReason {
  /** The global switch ({@link SettingsProvider}) was off. */
  SWITCH_OFF,
  /** A check of the same monitor, scheduled or manual, was still queued or running. */
  IN_FLIGHT,
  /** The {@link ClusterCoordinator} gave the run to another instance (or failed). */
  NOT_CLAIMED,
  /** Every worker was busy and the waiting queue was full. */
  SATURATED;

  /** The tag value: the name in lower case, e.g. {@code switch_off}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
