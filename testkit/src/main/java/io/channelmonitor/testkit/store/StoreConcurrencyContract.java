package io.channelmonitor.testkit.store;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;
import static io.channelmonitor.testkit.store.StoreFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.MonitorQuery;
import io.channelmonitor.store.ModelCounts;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.store.StaleMonitorException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes a store from several threads at once and checks what must hold whatever the interleaving:
 * no insert is lost, ids are unique, counts add up, no result outlives its monitor, and a lock has
 * at most one holder. Extend it and implement {@link #createStore}; see {@link
 * StoreContractSupport}.
 */
public abstract class StoreConcurrencyContract extends StoreContractSupport {
  private static final int THREADS = 8;
  private static final int ROUNDS = 40;
  private static final int INCREMENTS = 100;
  private static final Instant AT = Instant.parse("2026-01-05T12:00:00Z");
  private static final LocalDate DAY = LocalDate.ofInstant(AT, ZoneOffset.UTC);

  @Test
  @Timeout(120)
  void parallelWritersLoseNothingAndLeaveNoOrphans() throws Exception {
    Ledger ledger = new Ledger();
    AtomicBoolean writing = new AtomicBoolean(true);
    Future<?> reader = readWhile(writing);
    try {
      inParallel(worker -> writeRounds(worker, ledger));
    } finally {
      writing.set(false);
    }
    reader.get();

    assertThat(ledger.inserted).doesNotHaveDuplicates().hasSize(2 * THREADS * ROUNDS);
    assertThat(store.listMonitors(MonitorQuery.all()).total()).isEqualTo(ledger.kept.size());
    assertThat(store.listEnabledMonitors())
        .hasSize(ledger.kept.size() / 2)
        .isSortedAccordingTo((a, b) -> Long.compare(a.id(), b.id()));
    assertKeptMonitors(ledger);
    assertNoOrphans(ledger);
  }

  @Test
  @Timeout(120)
  void concurrentEditsAndRunsLoseNeitherAnEditNorALastCheckedTime() throws Exception {
    MonitorRecord monitor = store.insertMonitor(monitor().name("shared").record());
    Set<String> groups = ConcurrentHashMap.newKeySet();

    inParallel(
        worker -> {
          for (int i = 0; i < ROUNDS; i++) {
            if (worker == 0) {
              store.markChecked(monitor.id(), AT.plusSeconds(i));
              continue;
            }
            String group = "w" + worker + "-" + i;
            editUntilApplied(monitor.id(), group);
            groups.add(group);
          }
        });

    MonitorRecord last = store.findMonitor(monitor.id()).orElseThrow();
    assertThat(last.lastCheckedAt()).isEqualTo(AT.plusSeconds(ROUNDS - 1));
    assertThat(last.version()).isEqualTo(1 + (long) (THREADS - 1) * ROUNDS);
    assertThat(groups).contains(last.config().groupName()).hasSize((THREADS - 1) * ROUNDS);
  }

  private void editUntilApplied(long id, String group) {
    while (true) {
      MonitorRecord current = store.findMonitor(id).orElseThrow();
      try {
        store.updateMonitor(monitor().name("shared").group(group).record().asUpdateOf(current));
        return;
      } catch (StaleMonitorException raced) {
        Thread.yield();
      }
    }
  }

  @Test
  @Timeout(120)
  void aLockHasOneHolderAtATimeUnderContention() throws Exception {
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicLong counter = new AtomicLong();

    inParallel(
        worker -> {
          String owner = "node-" + worker;
          for (int i = 0; i < INCREMENTS; i++) {
            while (!store.tryLock("fuzz", owner, Duration.ofMinutes(1))) {
              Thread.yield();
            }
            if (holders.incrementAndGet() != 1) {
              overlaps.incrementAndGet();
            }
            // A read-yield-write increment loses updates unless the lock is exclusive.
            long seen = counter.get();
            Thread.yield();
            counter.set(seen + 1);
            holders.decrementAndGet();
            store.unlock("fuzz", owner);
          }
        });

    assertThat(overlaps).hasValue(0);
    assertThat(counter).hasValue((long) THREADS * INCREMENTS);
  }

  private void writeRounds(int worker, Ledger ledger) {
    for (int round = 0; round < ROUNDS; round++) {
      boolean enabled = round % 2 == 0;
      MonitorRecord kept =
          store.insertMonitor(
              monitor()
                  .name("w" + worker + "-" + round)
                  .extraModels("extra")
                  .enabled(enabled)
                  .record());
      ledger.track(kept, true);
      store.insertResults(List.of(result(AT).of(kept.id()), result("extra", AT).of(kept.id())));
      ledger.addResults(kept.id(), 2);
      if (round % 3 == 0) {
        String renamed = "renamed-" + kept.id();
        MonitorRecord change = monitor().name(renamed).enabled(enabled).record().asUpdateOf(kept);
        assertThat(store.updateMonitor(change)).isPresent();
        ledger.renamed.put(kept.id(), renamed);
      }
      store.recordRun(kept.id(), List.of(result("run", AT).of(kept.id())), AT);
      ledger.addResults(kept.id(), 1);

      MonitorRecord doomed = store.insertMonitor(monitor().name("doomed").record());
      ledger.track(doomed, false);
      ledger.victims.add(doomed.id());
      Long victim = ledger.victims.poll();
      if (victim != null) {
        // Races the victim's deletion by its own writer; the kept row must land either way.
        store.insertResults(List.of(result(AT).of(victim), result(AT).of(kept.id())));
        ledger.addResults(kept.id(), 1);
        // A run of the victim races its deletion too: stored whole before it, or not at all.
        store.recordRun(victim, List.of(result(AT).of(victim)), AT);
      }
      store.deleteMonitor(doomed.id());
    }
  }

  private Future<?> readWhile(AtomicBoolean writing) {
    ExecutorService single = Executors.newSingleThreadExecutor();
    try {
      return single.submit(
          () -> {
            while (writing.get()) {
              List<Long> ids =
                  store.listMonitors(MonitorQuery.all()).items().stream()
                      .map(MonitorRecord::id)
                      .toList();
              store.latestPerModel(withModels(ids, StoreFixtures.MODEL));
              store.countResults(ids, AT, AT.plusSeconds(1));
              store.rollUpDay(DAY);
            }
            return null;
          });
    } finally {
      single.shutdown();
    }
  }

  private void assertKeptMonitors(Ledger ledger) {
    List<Long> keptIds = new ArrayList<>(ledger.kept);
    List<Long> resultIds = new ArrayList<>();
    long expectedTotal = 0;
    for (long id : keptIds) {
      MonitorRecord found = store.findMonitor(id).orElseThrow();
      assertThat(found.config().name())
          .startsWith(ledger.renamed.containsKey(id) ? "renamed-" : "w");
      assertThat(found.lastCheckedAt()).isEqualTo(AT);
      List<ResultRecord> history = store.history(id, null, 1_000);
      int expected = ledger.results.get(id).get();
      assertThat(history).as("results of monitor %d", id).hasSize(expected);
      history.forEach(row -> resultIds.add(row.id()));
      expectedTotal += expected;
    }
    assertThat(resultIds).doesNotHaveDuplicates();
    List<ModelCounts> counts = store.countResults(keptIds, AT, AT.plusSeconds(1));
    assertThat(counts.stream().mapToLong(c -> c.counts().total()).sum()).isEqualTo(expectedTotal);
    store.rollUpDay(DAY);
    List<ModelCounts> sums = store.sumRollups(keptIds, DAY, DAY);
    assertThat(sums.stream().mapToLong(c -> c.counts().total()).sum()).isEqualTo(expectedTotal);
  }

  private void assertNoOrphans(Ledger ledger) {
    List<Long> deleted = new ArrayList<>(ledger.deleted);
    for (long id : deleted) {
      assertThat(store.findMonitor(id)).isEmpty();
      assertThat(store.history(id, null, 10)).as("results of deleted monitor %d", id).isEmpty();
    }
    assertThat(store.latestPerModel(withModels(deleted, StoreFixtures.MODEL))).isEmpty();
    assertThat(store.countResults(deleted, AT.minusSeconds(1), AT.plusSeconds(1))).isEmpty();
    assertThat(store.rollups(deleted, DAY, DAY)).isEmpty();
  }

  private void inParallel(Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        int worker = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  task.run(worker);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** One worker's share of a parallel test. */
  @FunctionalInterface
  private interface Task {
    void run(int worker) throws Exception;
  }

  /** What the writers did, recorded thread-safely for the final checks. */
  private static final class Ledger {
    final Queue<Long> inserted = new ConcurrentLinkedQueue<>();
    final Set<Long> kept = ConcurrentHashMap.newKeySet();
    final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    final Map<Long, String> renamed = new ConcurrentHashMap<>();
    final Map<Long, AtomicInteger> results = new ConcurrentHashMap<>();
    final Queue<Long> victims = new ConcurrentLinkedQueue<>();

    void track(MonitorRecord monitor, boolean keep) {
      inserted.add(monitor.id());
      (keep ? kept : deleted).add(monitor.id());
    }

    void addResults(long monitorId, int count) {
      results.computeIfAbsent(monitorId, id -> new AtomicInteger()).addAndGet(count);
    }
  }
}
