package io.channelmonitor.schedule;

import io.channelmonitor.internal.DaemonThreads;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Creates the executor checks run on when the host gives none: one virtual thread per check on Java
 * 21 and later (found by reflection, the library compiles for 17), a fixed pool of daemon platform
 * threads otherwise. {@link CheckWorkers} bounds the checks in flight in both cases.
 */
final class WorkerExecutors {
  /** Worker threads are named {@code channel-monitor-worker-1}, {@code -2}, ... */
  static final String THREAD_PREFIX = "channel-monitor-worker";

  private WorkerExecutors() {}

  /** The created executor and, for platform threads, the factory that knows its threads. */
  record Created(ExecutorService executor, Optional<TrackedThreads> threads, boolean virtual) {}

  static Created create(int maxConcurrentChecks) {
    Optional<ExecutorService> virtual = virtualThreadPerTask();
    if (virtual.isPresent()) {
      return new Created(virtual.get(), Optional.empty(), true);
    }
    TrackedThreads threads = new TrackedThreads(DaemonThreads.named(THREAD_PREFIX));
    return new Created(platform(maxConcurrentChecks, threads), Optional.of(threads), false);
  }

  /** A fixed pool of {@code size} platform threads, made when first needed. */
  static ExecutorService platform(int size, ThreadFactory threads) {
    return new ThreadPoolExecutor(
        size, size, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), threads);
  }

  /**
   * {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(prefix, 1).factory())} when
   * this JVM has virtual threads (final since Java 21), else empty.
   */
  static Optional<ExecutorService> virtualThreadPerTask() {
    if (Runtime.version().feature() < 21) {
      return Optional.empty();
    }
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      Object named =
          builderType
              .getMethod("name", String.class, long.class)
              .invoke(builder, THREAD_PREFIX + "-", 1L);
      ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(named);
      Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
      return Optional.of((ExecutorService) perTask.invoke(null, factory));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
