package io.channelmonitor.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The in-memory store's named leases. Thread-safe: each change is one atomic map update. */
final class LeaseTable {
  private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();
  private final Clock clock;

  LeaseTable(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  boolean tryLock(String name, String owner, Duration lease) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Instant now = clock.instant();
    Lease wanted = new Lease(owner, now.plus(Objects.requireNonNull(lease, "lease")));
    Lease current =
        leases.compute(
            name,
            (key, held) ->
                held == null || held.owner().equals(owner) || !now.isBefore(held.until())
                    ? wanted
                    : held);
    return current == wanted;
  }

  void unlock(String name, String owner) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    leases.computeIfPresent(name, (key, held) -> held.owner().equals(owner) ? null : held);
  }

  /** Who holds a lock and until when; it has expired once the clock reaches {@code until}. */
  private record Lease(String owner, Instant until) {}
}
