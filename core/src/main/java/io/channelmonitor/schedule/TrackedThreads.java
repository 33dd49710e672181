package io.channelmonitor.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * A thread factory that remembers the threads it made, so a shutdown can wait until they have
 * really ended: an executor reports termination a moment before its last thread dies.
 */
final class TrackedThreads implements ThreadFactory {
  private final ThreadFactory delegate;
  private final List<Thread> threads = new ArrayList<>();

  TrackedThreads(ThreadFactory delegate) {
    this.delegate = delegate;
  }

  /** Daemon threads all named exactly {@code name}. */
  static TrackedThreads namedExactly(String name) {
    return new TrackedThreads(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public Thread newThread(Runnable runnable) {
    Thread thread = delegate.newThread(runnable);
    synchronized (threads) {
      threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
      threads.add(thread);
    }
    return thread;
  }

  /**
   * Waits up to {@code timeout} in total for every thread made so far to end.
   *
   * @return the number of threads still alive
   */
  int join(Duration timeout) throws InterruptedException {
    List<Thread> snapshot;
    synchronized (threads) {
      snapshot = new ArrayList<>(threads);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    int alive = 0;
    for (Thread thread : snapshot) {
      long left = deadline - System.nanoTime();
      if (thread != Thread.currentThread() && left > 0) {
        thread.join(Math.max(1, left / 1_000_000));
      }
      if (thread.isAlive()) {
        alive++;
      }
    }
    return alive;
  }
}
