package io.channelmonitor.examples.plain;

import io.channelmonitor.CheckListener;
import io.channelmonitor.CheckResult;
import io.channelmonitor.Monitor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the live table shows, fed by the library's {@link CheckListener}: one row per model of each
 * tracked monitor with its newest result and this run's counts. Listener calls come from the check
 * threads; the table is drawn from {@link #rows()} on another thread. Thread-safe.
 */
final class LiveBoard implements CheckListener {
  /** A row's identity. */
  private record Key(long monitorId, String model) {}

  private final List<Key> order = new CopyOnWriteArrayList<>();
  private final Map<Key, BoardRow> rows = new ConcurrentHashMap<>();
  private final AtomicLong results = new AtomicLong();

  /** Adds a row for each model of {@code monitor}, in model order, if not there yet. */
  void track(Monitor monitor) {
    for (String model : monitor.config().models()) {
      Key key = new Key(monitor.id(), model);
      if (rows.putIfAbsent(
              key, BoardRow.empty(monitor.id(), monitor.name(), monitor.provider(), model))
          == null) {
        order.add(key);
      }
    }
  }

  @Override
  public void onRun(Monitor monitor, List<CheckResult> runResults) {
    for (CheckResult result : runResults) {
      rows.computeIfPresent(new Key(monitor.id(), result.model()), (key, row) -> row.with(result));
    }
    results.addAndGet(runResults.size());
  }

  /** The rows in the order they were tracked. */
  List<BoardRow> rows() {
    return order.stream().map(rows::get).toList();
  }

  /** How many results arrived so far; changes whenever the table should be redrawn. */
  long resultCount() {
    return results.get();
  }
}
