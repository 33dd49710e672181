package io.channelmonitor.spring.boot.actuate;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the engine: UP while the scheduler runs and the store answers, DOWN before it started or
 * when the store fails, OUT_OF_SERVICE while it stops. The details count the enabled channels by
 * the latest status of their primary model. A failing channel does not turn the application DOWN
 * unless {@code channel-monitor.health.fail-on-channel-errors=true}: an upstream outage is not an
 * outage of the host.
 */
public class ChannelMonitorHealthIndicator implements HealthIndicator {
  private final ChannelMonitor channelMonitor;
  private final boolean failOnChannelErrors;

  public ChannelMonitorHealthIndicator(ChannelMonitor channelMonitor, boolean failOnChannelErrors) {
    this.channelMonitor = channelMonitor;
    this.failOnChannelErrors = failOnChannelErrors;
  }

  @Override
  public Health health() {
    Health.Builder health = new Health.Builder(engineStatus());
    health.withDetail(
        "scheduler", channelMonitor.scheduler().state().name().toLowerCase(Locale.ROOT));
    health.withDetail("scheduled_monitors", channelMonitor.scheduler().scheduledCount());
    ChannelMonitorStore store = channelMonitor.store();
    Map<String, Integer> channels;
    try {
      store.rollupWatermark();
      channels = channelSummary(store);
    } catch (RuntimeException e) {
      return health
          .down()
          .withDetail("store", "unreachable")
          .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
    health.withDetail("store", "reachable").withDetail("channels", channels);
    boolean failing = channels.get("failed") + channels.get("error") > 0;
    if (failOnChannelErrors && failing) {
      health.down();
    }
    return health.build();
  }

  private Status engineStatus() {
    return switch (channelMonitor.scheduler().state()) {
      case RUNNING -> Status.UP;
      case NEW -> Status.DOWN;
      case STOPPING, STOPPED -> Status.OUT_OF_SERVICE;
    };
  }

  /** Enabled channels by the latest status of their primary model: two store reads. */
  private static Map<String, Integer> channelSummary(ChannelMonitorStore store) {
    List<MonitorRecord> enabled = store.listEnabledMonitors();
    Map<Long, String> primaries = new HashMap<>();
    Map<Long, List<String>> asked = new HashMap<>();
    enabled.forEach(m -> primaries.put(m.id(), m.config().primaryModel()));
    primaries.forEach((id, model) -> asked.put(id, List.of(model)));
    Map<Long, ResultRecord> latest = new HashMap<>();
    if (!primaries.isEmpty()) {
      for (ResultRecord row : store.latestPerModel(asked)) {
        if (row.result().model().equals(primaries.get(row.monitorId()))) {
          latest.merge(row.monitorId(), row, ChannelMonitorHealthIndicator::newer);
        }
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("total", enabled.size());
    for (CheckStatus status : CheckStatus.values()) {
      counts.put(status.wire(), 0);
    }
    counts.put("unknown", 0);
    for (MonitorRecord monitor : enabled) {
      ResultRecord row = latest.get(monitor.id());
      counts.merge(row == null ? "unknown" : row.result().status().wire(), 1, Integer::sum);
    }
    return counts;
  }

  private static ResultRecord newer(ResultRecord a, ResultRecord b) {
    int byTime = a.result().checkedAt().compareTo(b.result().checkedAt());
    return byTime > 0 || (byTime == 0 && a.id() > b.id()) ? a : b;
  }
}
