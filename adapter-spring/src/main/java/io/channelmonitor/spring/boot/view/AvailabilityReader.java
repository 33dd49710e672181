package io.channelmonitor.spring.boot.view;

import io.channelmonitor.ChannelMonitor;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.MonitorModels;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the figures of many monitors at once, failing soft: a store failure is logged and the views
 * render without figures rather than failing the whole request.
 */
public final class AvailabilityReader {
  /** The windows of the lists: 7 days. */
  public static final Set<Integer> WEEK = Set.of(7);

  /** The windows of the user status route: 7, 15 and 30 days. */
  public static final Set<Integer> USER_WINDOWS = Set.of(7, 15, 30);

  private static final Logger log = LoggerFactory.getLogger(AvailabilityReader.class);

  private final ChannelMonitor channelMonitor;

  public AvailabilityReader(ChannelMonitor channelMonitor) {
    this.channelMonitor = channelMonitor;
  }

  /**
   * The figures by monitor id; windows longer than the rollup retention are left out (their figures
   * read as null), and an empty map when the store fails.
   */
  public Map<Long, MonitorAvailability> read(
      Collection<MonitorModels> monitors, Set<Integer> windows) {
    if (monitors.isEmpty()) {
      return Map.of();
    }
    int longest = channelMonitor.settings().rollupRetentionDays();
    Set<Integer> usable =
        windows.stream()
            .filter(days -> days <= longest)
            .collect(Collectors.toCollection(TreeSet::new));
    try {
      return channelMonitor.availability().availability(monitors, usable);
    } catch (RuntimeException e) {
      log.warn(
          "channel-monitor: reading availability failed, rendering without figures: {}",
          e.toString());
      return Map.of();
    }
  }
}
