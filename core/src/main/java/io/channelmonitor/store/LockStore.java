package io.channelmonitor.store;

import java.time.Duration;

/**
 * Named leases, so that one instance among several runs a job. A lease is never held across a
 * check; it expires by itself when its holder dies. Leases expire by the store's own clock: give
 * the store the same {@link java.time.Clock} as the {@code ChannelMonitor}. Names are at most 100
 * characters, owners at most 200.
 */
public interface LockStore {
  /**
   * Takes the lock {@code name} for {@code owner} until now + {@code lease}, when it is free, has
   * expired (now >= its end), or is already held by {@code owner} (which extends it).
   *
   * @return whether {@code owner} holds the lock now
   */
  boolean tryLock(String name, String owner, Duration lease);

  /** Releases the lock when {@code owner} holds it; otherwise does nothing. */
  void unlock(String name, String owner);
}
