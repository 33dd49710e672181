package io.channelmonitor.testkit.upstream;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every thread of one fake server lives in one thread group: the handler threads this factory
 * makes, and the JDK server's dispatcher and timer threads, which inherit the group (and daemon
 * status) of the thread that creates and starts the server, see {@link #callInGroup(Callable)}.
 * That lets {@code close()} wait for exactly its own threads and tests check none survives.
 *
 * <p>On Java 17 an empty thread group stays referenced by its parent (destroying it is deprecated
 * for removal), a few hundred bytes per fake; from Java 19 on, groups are weakly referenced.
 */
final class ServerThreads implements ThreadFactory {
  private final ThreadGroup group;
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  ServerThreads(String name) {
    this.group = new ThreadGroup(name);
    this.prefix = name + "-";
  }

  /** A daemon handler thread in the group. */
  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(group, task, prefix + "handler-" + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  /** Runs {@code task} on a new daemon thread of the group and returns its result. */
  <T> T callInGroup(Callable<T> task) throws Exception {
    FutureTask<T> future = new FutureTask<>(task);
    Thread starter = new Thread(group, future, prefix + "start");
    starter.setDaemon(true);
    starter.start();
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The group's threads that are still alive. */
  List<Thread> live() {
    Thread[] threads = new Thread[Math.max(16, group.activeCount() * 2)];
    int found = group.enumerate(threads);
    return Arrays.stream(threads, 0, found).filter(Thread::isAlive).toList();
  }

  /** Waits up to {@code timeout} for every thread of the group to end; true when none is left. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : live()) {
      long left = deadline - System.nanoTime();
      if (left > 0 && thread != Thread.currentThread()) {
        thread.join(Math.max(1, left / 1_000_000));
      }
    }
    return live().stream().allMatch(thread -> thread == Thread.currentThread());
  }
}
