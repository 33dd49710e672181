package io.channelmonitor.store;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The in-memory store's results, one sorted set per (monitor, model) ordered by checkedAt, then id.
 * Every query of the SPI reads one or a few of these sets, so no global index is kept. Not
 * thread-safe: {@link InMemoryStore} guards it.
 */
final class ResultTable {
  private static final Comparator<ResultRecord> CHRONOLOGICAL =
      Comparator.comparing((ResultRecord row) -> row.result().checkedAt())
          .thenComparingLong(ResultRecord::id);
  private static final Comparator<ResultRecord> NEWEST_FIRST = CHRONOLOGICAL.reversed();

  private final Map<Long, Map<String, NavigableSet<ResultRecord>>> byMonitor = new HashMap<>();

  void add(ResultRecord row) {
    byMonitor
        .computeIfAbsent(row.monitorId(), id -> new HashMap<>())
        .computeIfAbsent(row.result().model(), model -> new TreeSet<>(CHRONOLOGICAL))
        .add(row);
  }

  void removeMonitor(long monitorId) {
    byMonitor.remove(monitorId);
  }

  /** The ids of monitors that have results. */
  Set<Long> monitorIds() {
    return byMonitor.keySet();
  }

  /** Adds the newest result of each of the given models of the monitor to {@code out}. */
  void addLatest(long monitorId, Collection<String> models, List<ResultRecord> out) {
    Map<String, NavigableSet<ResultRecord>> stored = models(monitorId);
    for (String model : models) {
      NavigableSet<ResultRecord> rows = stored.get(model);
      if (rows != null) {
        out.add(rows.last());
      }
    }
  }

  /** Adds the newest {@code limit} results of one model of the monitor to {@code out}. */
  void addNewest(long monitorId, String model, int limit, List<ResultRecord> out) {
    NavigableSet<ResultRecord> rows = model == null ? null : models(monitorId).get(model);
    if (rows != null) {
      takeNewest(rows, limit, out);
    }
  }

  List<ResultRecord> history(long monitorId, String model, int limit) {
    List<ResultRecord> out = new ArrayList<>();
    if (model != null) {
      addNewest(monitorId, model, limit, out);
      return out;
    }
    // The newest `limit` of all models are among the newest `limit` of each model.
    for (NavigableSet<ResultRecord> rows : models(monitorId).values()) {
      takeNewest(rows, limit, out);
    }
    out.sort(NEWEST_FIRST);
    return out.size() > limit ? new ArrayList<>(out.subList(0, Math.max(0, limit))) : out;
  }

  /** Counts per model the monitor's results with {@code from <= checkedAt < to}. */
  List<ModelCounts> count(long monitorId, Instant from, Instant to) {
    List<ModelCounts> out = new ArrayList<>();
    if (!from.isBefore(to)) {
      return out;
    }
    ResultRecord low = probe(from);
    ResultRecord high = probe(to);
    for (Map.Entry<String, NavigableSet<ResultRecord>> entry : models(monitorId).entrySet()) {
      StatusCounts counts = StatusCounts.ZERO;
      for (ResultRecord row : entry.getValue().subSet(low, true, high, false)) {
        counts = counts.plus(row.result());
      }
      if (counts.total() > 0) {
        out.add(new ModelCounts(monitorId, entry.getKey(), counts));
      }
    }
    return out;
  }

  /** Deletes at most {@code batchSize} results with {@code checkedAt < before}, oldest first. */
  int prune(Instant before, int batchSize) {
    if (batchSize <= 0) {
      return 0;
    }
    // A k-way merge over the old part of every set finds the globally oldest rows.
    ResultRecord bound = probe(before);
    PriorityQueue<Cursor> heads =
        new PriorityQueue<>(Comparator.comparing(Cursor::head, CHRONOLOGICAL));
    for (Map<String, NavigableSet<ResultRecord>> models : byMonitor.values()) {
      for (NavigableSet<ResultRecord> rows : models.values()) {
        Iterator<ResultRecord> old = rows.headSet(bound, false).iterator();
        if (old.hasNext()) {
          heads.add(new Cursor(old, old.next()));
        }
      }
    }
    int deleted = 0;
    while (deleted < batchSize && !heads.isEmpty()) {
      Cursor oldest = heads.poll();
      oldest.rows().remove();
      deleted++;
      if (oldest.rows().hasNext()) {
        heads.add(new Cursor(oldest.rows(), oldest.rows().next()));
      }
    }
    dropEmptySets();
    return deleted;
  }

  private void dropEmptySets() {
    Iterator<Map<String, NavigableSet<ResultRecord>>> monitors = byMonitor.values().iterator();
    while (monitors.hasNext()) {
      Map<String, NavigableSet<ResultRecord>> models = monitors.next();
      models.values().removeIf(Set::isEmpty);
      if (models.isEmpty()) {
        monitors.remove();
      }
    }
  }

  private Map<String, NavigableSet<ResultRecord>> models(long monitorId) {
    return byMonitor.getOrDefault(monitorId, Map.of());
  }

  private static void takeNewest(
      NavigableSet<ResultRecord> rows, int limit, List<ResultRecord> out) {
    Iterator<ResultRecord> newest = rows.descendingIterator();
    for (int taken = 0; taken < limit && newest.hasNext(); taken++) {
      out.add(newest.next());
    }
  }

  /** A search bound that sorts before every stored row checked at {@code at}. */
  private static ResultRecord probe(Instant at) {
    return new ResultRecord(
        Long.MIN_VALUE,
        0,
        new CheckResult("", CheckStatus.ERROR, FailureKind.NONE, 0, null, null, null, at));
  }

  /** The next old row of one set, and the iterator that returned it (so it can remove it). */
  private record Cursor(Iterator<ResultRecord> rows, ResultRecord head) {}
}
