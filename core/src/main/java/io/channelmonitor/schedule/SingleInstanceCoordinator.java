package io.channelmonitor.schedule;

import java.time.Instant;

/** Claims every run: the only instance runs every due check. */
final class SingleInstanceCoordinator implements ClusterCoordinator {
  @Override
  public boolean tryClaim(long monitorId, Instant dueAt) {
    return true;
  }

  @Override
  public void release(long monitorId) {
    // nothing was held
  }

  @Override
  public String toString() {
    return "ClusterCoordinator[singleInstance]";
  }
}
