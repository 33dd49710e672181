package io.channelmonitor.testkit.schedule;

import io.channelmonitor.schedule.TaskTimer;
import io.channelmonitor.testkit.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A {@link TaskTimer} that starts no thread: tasks run on the caller of {@link #tick(Duration)} or
 * {@link #runDue()}, in due order (ties in the order they were armed), tasks armed while running
 * included. While ticking, the clock stands at each task's due time when it runs, so a task that
 * re-arms itself measures its delay from its own fire time, as on a real timer.
 *
 * <p>Safe to arm and cancel from other threads; run it from one test thread.
 */
public final class ManualTaskTimer implements TaskTimer {
  /** One call runs at most this many tasks, so a task that re-arms itself at zero delay fails. */
  public static final int MAX_RUNS_PER_CALL = 1_000_000;

  private final ManualClock clock;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(Comparator.comparing(Entry::dueAt).thenComparingLong(Entry::sequence));
  private long sequence;
  private boolean shutdown;

  public ManualTaskTimer(ManualClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Arms {@code task} at now + {@code delay} on the manual clock. */
  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(delay, "delay");
    if (shutdown) {
      throw new IllegalStateException("the timer is shut down");
    }
    Duration wait = delay.isNegative() ? Duration.ZERO : delay;
    Entry entry = new Entry(clock.instant().plus(wait), sequence++, task);
    queue.add(entry);
    return () -> cancel(entry);
  }

  /** Drops every pending task; {@link #schedule} fails afterwards. */
  @Override
  public synchronized void shutdown() {
    shutdown = true;
    queue.clear();
  }

  public synchronized boolean isShutdown() {
    return shutdown;
  }

  /**
   * Moves the clock forward by {@code amount}, running every task that falls due on the way, each
   * with the clock at its due time; the clock ends at the start time + {@code amount}.
   *
   * @return how many tasks ran
   */
  public int tick(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a manual timer only moves forward: " + amount);
    }
    Instant target = clock.instant().plus(amount);
    int runs = runUntil(target);
    clock.set(target);
    return runs;
  }

  /**
   * Runs the tasks due now (due at or before the clock's time), without moving the clock.
   *
   * @return how many tasks ran
   */
  public int runDue() {
    return runUntil(clock.instant());
  }

  /** Tasks armed and neither run nor cancelled. */
  public synchronized int pendingCount() {
    return queue.size();
  }

  /** When the next task falls due, if any. */
  public synchronized Optional<Instant> nextDueAt() {
    Entry next = queue.peek();
    return next == null ? Optional.empty() : Optional.of(next.dueAt());
  }

  /** The due times of the pending tasks, earliest first. */
  public synchronized List<Instant> dueTimes() {
    List<Entry> entries = new ArrayList<>(queue);
    entries.sort(queue.comparator());
    return entries.stream().map(Entry::dueAt).toList();
  }

  public ManualClock clock() {
    return clock;
  }

  private int runUntil(Instant target) {
    int runs = 0;
    for (Entry next = pollDue(target); next != null; next = pollDue(target)) {
      if (next.dueAt().isAfter(clock.instant())) {
        clock.set(next.dueAt());
      }
      if (++runs > MAX_RUNS_PER_CALL) {
        throw new IllegalStateException(
            "more than " + MAX_RUNS_PER_CALL + " tasks fell due in one call");
      }
      next.task().run();
    }
    return runs;
  }

  private synchronized Entry pollDue(Instant target) {
    Entry next = queue.peek();
    if (next == null || next.dueAt().isAfter(target)) {
      return null;
    }
    return queue.poll();
  }

  private synchronized void cancel(Entry entry) {
    queue.remove(entry);
  }

  @Override
  public synchronized String toString() {
    return "ManualTaskTimer[" + queue.size() + " pending, " + clock.instant() + "]";
  }

  private record Entry(Instant dueAt, long sequence, Runnable task) {}
}
