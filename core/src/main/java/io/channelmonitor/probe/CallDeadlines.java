package io.channelmonitor.probe;

import java.time.Duration;

/**
 * The deadline of the call the current thread is making through one transport, for the hooks
 * HttpClient calls on that thread (the classic client resolves and connects on the caller's
 * thread). The resolver asks it how long a lookup may still take, so a slow DNS server cannot hold
 * a call past its deadline; the request cancel of the deadline timer does not reach a lookup.
 */
final class CallDeadlines {
  private final ThreadLocal<Long> deadlineNanos = new ThreadLocal<>();

  /** Marks the current thread's call; close the scope when the call ends. */
  Scope enter(long deadline) {
    Long outer = deadlineNanos.get();
    deadlineNanos.set(deadline);
    return () -> {
      if (outer == null) {
        deadlineNanos.remove();
      } else {
        deadlineNanos.set(outer);
      }
    };
  }

  /** What is left of the current thread's call, or {@code otherwise} outside a call. */
  Duration remaining(Duration otherwise) {
    Long deadline = deadlineNanos.get();
    if (deadline == null) {
      return otherwise;
    }
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  /** The span of one call on one thread. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
