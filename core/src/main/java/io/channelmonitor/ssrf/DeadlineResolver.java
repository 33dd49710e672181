package io.channelmonitor.ssrf;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one lookup through a {@link HostResolver} with a deadline. The JDK resolver cannot be
 * interrupted, so the lookup runs on its own short-lived daemon thread and the caller stops waiting
 * at the deadline; a late answer is dropped and the thread ends when the lookup does.
 */
final class DeadlineResolver {
  static final String THREAD_NAME = "channel-monitor-dns";

  private final HostResolver resolver;
  private final Duration timeout;

  DeadlineResolver(HostResolver resolver, Duration timeout) {
    this.resolver = resolver;
    this.timeout = timeout;
  }

  /**
   * The answers (possibly none, possibly holding {@code null}s, which callers must refuse), or
   * empty when the lookup failed, threw or missed the deadline.
   */
  Optional<List<InetAddress>> resolve(String host) {
    return resolve(host, timeout);
  }

  /**
   * As {@link #resolve(String)}, waiting at most the shorter of the timeout and {@code maxWait}.
   */
  Optional<List<InetAddress>> resolve(String host, Duration maxWait) {
    Duration wait = maxWait.compareTo(timeout) < 0 ? maxWait : timeout;
    if (wait.isZero() || wait.isNegative()) {
      return Optional.empty();
    }
    CompletableFuture<List<InetAddress>> answer = new CompletableFuture<>();
    Thread lookup = new Thread(() -> run(host, answer), THREAD_NAME);
    lookup.setDaemon(true);
    lookup.start();
    try {
      return Optional.of(answer.get(nanos(wait), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      lookup.interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      lookup.interrupt();
      return Optional.empty();
    }
  }

  /** The deadline in nanoseconds, saturated: a policy may hold a Duration too long for a long. */
  private static long nanos(Duration wait) {
    try {
      return wait.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  private void run(String host, CompletableFuture<List<InetAddress>> answer) {
    try {
      List<InetAddress> addresses = resolver.resolve(host);
      answer.complete(
          addresses == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(addresses)));
    } catch (Exception | Error e) {
      answer.completeExceptionally(e);
    }
  }
}
