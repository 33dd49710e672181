package io.channelmonitor.probe;

import io.channelmonitor.CheckListener;
import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.Monitor;
import io.channelmonitor.StatusChange;
import io.channelmonitor.store.ResultStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners about runs and status changes. The previous status of each (monitor, model) is
 * kept in memory, seeded from the store the first time a monitor runs, so a restart does not report
 * every model as changed.
 */
final class CheckEvents implements RunObserver {
  private static final Logger log = LoggerFactory.getLogger(CheckEvents.class);

  private final List<CheckListener> listeners;
  private final ResultStore store;
  private final Map<Long, Map<String, CheckStatus>> lastStatus = new ConcurrentHashMap<>();

  CheckEvents(List<CheckListener> listeners, ResultStore store) {
    this.listeners = List.copyOf(listeners);
    this.store = store;
  }

  /** The statuses before this run; call before the run's results are stored. */
  void remember(Monitor monitor) {
    if (listeners.isEmpty()) {
      return;
    }
    lastStatus.computeIfAbsent(monitor.id(), id -> seed(id, monitor.config().models()));
  }

  /**
   * Reads the statuses before this run from the store again, whatever was remembered: another
   * instance may have run the monitor since. Call before the run's results are stored.
   */
  void reload(Monitor monitor) {
    if (listeners.isEmpty()) {
      return;
    }
    lastStatus.put(monitor.id(), seed(monitor.id(), monitor.config().models()));
  }

  /** Forgets a deleted monitor. */
  void forget(long monitorId) {
    lastStatus.remove(monitorId);
  }

  @Override
  public void observe(Monitor monitor, List<CheckResult> results) {
    if (listeners.isEmpty()) {
      return;
    }
    Map<String, CheckStatus> known =
        lastStatus.computeIfAbsent(monitor.id(), id -> new ConcurrentHashMap<>());
    for (CheckResult result : results) {
      CheckStatus previous = known.put(result.model(), result.status());
      if (previous != result.status()) {
        StatusChange change =
            new StatusChange(
                monitor.id(),
                monitor.name(),
                monitor.provider(),
                result.model(),
                previous,
                result.status(),
                result);
        each(listener -> listener.onStatusChange(change));
      }
    }
    each(listener -> listener.onRun(monitor, results));
  }

  private Map<String, CheckStatus> seed(long monitorId, List<String> models) {
    Map<String, CheckStatus> known = new ConcurrentHashMap<>();
    try {
      store
          .latestPerModel(Map.of(monitorId, models))
          .forEach(row -> known.put(row.result().model(), row.result().status()));
    } catch (RuntimeException e) {
      log.warn("channel_monitor: could not read previous statuses of monitor {}", monitorId);
    }
    return known;
  }

  private void each(Consumer<CheckListener> call) {
    for (CheckListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.warn(
            "channel_monitor: listener {} failed: {}",
            listener.getClass().getName(),
            e.getClass().getName());
      }
    }
  }
}
