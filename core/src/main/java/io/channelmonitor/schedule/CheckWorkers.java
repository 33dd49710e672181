package io.channelmonitor.schedule;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded worker stage: at most {@code maxRunning} jobs run on the executor and at most {@code
 * queueCapacity} wait for a slot; a job beyond that is refused, never queued without bound. Jobs
 * are handed to the executor only when a slot is free, so the executor's own queue stays empty.
 */
final class CheckWorkers {
  private static final Logger log = LoggerFactory.getLogger(CheckWorkers.class);

  /**
   * A check waiting for or holding a slot.
   *
   * @param body the check; it must catch its own exceptions
   * @param onDrop called instead of {@code body} when the job never runs (stop, executor refusal)
   */
  record Job(Runnable body, Runnable onDrop) {}

  private final Executor executor;
  private final int maxRunning;
  private final int queueCapacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private final Set<Thread> threads = new HashSet<>();
  private int running;
  private boolean closed;

  CheckWorkers(Executor executor, int maxRunning, int queueCapacity) {
    if (maxRunning < 1 || queueCapacity < 0) {
      throw new IllegalArgumentException("maxRunning >= 1 and queueCapacity >= 0 are required");
    }
    this.executor = executor;
    this.maxRunning = maxRunning;
    this.queueCapacity = queueCapacity;
  }

  /**
   * Starts the job when a slot is free, queues it when the queue has room.
   *
   * @return false when the stage is full or closed, or the executor refused the job; {@code onDrop}
   *     is not called then, the caller undoes its own preparations
   */
  boolean trySubmit(Job job) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      if (running >= maxRunning) {
        if (waiting.size() >= queueCapacity) {
          return false;
        }
        waiting.add(job);
        return true;
      }
      running++;
    } finally {
      lock.unlock();
    }
    return hand(job);
  }

  /** Jobs running now (handed to the executor and not yet finished). */
  int running() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }

  /** How many more jobs could start now without waiting: free slots less the waiting jobs. */
  int free() {
    lock.lock();
    try {
      return closed ? 0 : Math.max(0, maxRunning - running - waiting.size());
    } finally {
      lock.unlock();
    }
  }

  /** Jobs waiting for a slot. */
  int queued() {
    lock.lock();
    try {
      return waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Refuses further jobs and removes the waiting ones, which are returned to be dropped. */
  List<Job> close() {
    lock.lock();
    try {
      closed = true;
      List<Job> dropped = new ArrayList<>(waiting);
      waiting.clear();
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until no job runs.
   *
   * @return false when jobs still run after {@code timeout}
   */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = timeout.toNanos();
      while (running > 0) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits up to {@code wait} for running jobs, then interrupts the ones that outlive it and waits
   * for them once more, at most {@code afterInterrupt} and never longer than {@code wait}.
   *
   * @return whether this thread was interrupted while it waited
   */
  boolean drain(Duration wait, Duration afterInterrupt) {
    try {
      if (awaitIdle(wait)) {
        return false;
      }
      log.warn("channel_monitor: checks still running after {}; interrupting them", wait);
      interruptRunning();
      if (!awaitIdle(wait.compareTo(afterInterrupt) < 0 ? wait : afterInterrupt)) {
        log.warn("channel_monitor: {} checks ignored the interrupt", running());
      }
      return false;
    } catch (InterruptedException e) {
      interruptRunning();
      return true;
    }
  }

  /** Interrupts the threads running jobs now. */
  void interruptRunning() {
    lock.lock();
    try {
      threads.forEach(Thread::interrupt);
    } finally {
      lock.unlock();
    }
  }

  /** Gives a job that holds a slot to the executor; frees the slot when the executor refuses. */
  private boolean hand(Job job) {
    try {
      executor.execute(() -> runJob(job));
      return true;
    } catch (RejectedExecutionException e) {
      log.warn("channel_monitor: check executor refused a check ({})", e.toString());
      Job next = finished();
      if (next != null && !hand(next)) {
        next.onDrop().run();
      }
      return false;
    }
  }

  private void runJob(Job job) {
    Thread current = Thread.currentThread();
    lock.lock();
    try {
      threads.add(current);
    } finally {
      lock.unlock();
    }
    Job next;
    try {
      job.body().run();
    } finally {
      lock.lock();
      try {
        threads.remove(current);
      } finally {
        lock.unlock();
      }
      next = finished();
    }
    if (next != null && !hand(next)) {
      next.onDrop().run();
    }
  }

  /** Frees a slot and takes the next waiting job into it, if any. */
  private Job finished() {
    lock.lock();
    try {
      running--;
      Job next = closed ? null : waiting.poll();
      if (next != null) {
        running++;
      }
      if (running == 0) {
        idle.signalAll();
      }
      return next;
    } finally {
      lock.unlock();
    }
  }
}
