package io.channelmonitor.schedule;

import java.util.Locale;

/**
 * The calls of the scheduler to a {@link SharedScheduleCoordinator}: the {@code step} tag of the
 * counter {@value MonitorScheduler#METER_CLUSTER_FAILURES}.
 */
enum ClusterStep {
  JOIN,
  HEARTBEAT,
  CLAIM,
  COMPLETE,
  GIVE_BACK,
  DUE_NOW,
  LEAVE;

  /** The tag value: the name in lower case, e.g. {@code give_back}. */
  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
