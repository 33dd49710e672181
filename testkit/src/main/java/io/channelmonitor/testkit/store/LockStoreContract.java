package io.channelmonitor.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.store.LockStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LockStore}: named leases that expire by the store's clock. A lease has
 * expired once the clock has moved past its end; the suite never probes the exact end instant.
 * Extend it and implement {@link #createStore}; see {@link StoreContractSupport}.
 */
public abstract class LockStoreContract extends StoreContractSupport {
  private static final String JOB = "rollup";
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final Duration JUST = Duration.ofMillis(1);

  @Test
  void aFreeLockIsTaken() {
    assertThat(store.tryLock(JOB, "node-a", LEASE)).isTrue();
  }

  @Test
  void anotherOwnerIsRefusedWhileTheLeaseRuns() {
    store.tryLock(JOB, "node-a", LEASE);
    clock.advance(LEASE.minus(JUST));

    assertThat(store.tryLock(JOB, "node-b", LEASE)).isFalse();
  }

  @Test
  void theSameOwnerExtendsItsLease() {
    store.tryLock(JOB, "node-a", LEASE);
    clock.advance(LEASE.minusSeconds(10));

    assertThat(store.tryLock(JOB, "node-a", LEASE)).isTrue();

    clock.advance(Duration.ofSeconds(20));
    assertThat(store.tryLock(JOB, "node-b", LEASE)).isFalse();
    clock.advance(LEASE);
    assertThat(store.tryLock(JOB, "node-b", LEASE)).isTrue();
  }

  @Test
  void anExpiredLeaseLetsAnotherOwnerIn() {
    store.tryLock(JOB, "node-a", LEASE);
    clock.advance(LEASE.plus(JUST));

    assertThat(store.tryLock(JOB, "node-b", LEASE)).isTrue();
    assertThat(store.tryLock(JOB, "node-a", LEASE)).isFalse();
  }

  @Test
  void unlockByTheOwnerFreesTheLock() {
    store.tryLock(JOB, "node-a", LEASE);

    store.unlock(JOB, "node-a");

    assertThat(store.tryLock(JOB, "node-b", LEASE)).isTrue();
  }

  @Test
  void unlockByAnotherOwnerIsIgnored() {
    store.tryLock(JOB, "node-a", LEASE);

    store.unlock(JOB, "node-b");

    assertThat(store.tryLock(JOB, "node-b", LEASE)).isFalse();
    assertThat(store.tryLock(JOB, "node-a", LEASE)).isTrue();
  }

  @Test
  void theOwnerCanRelockAfterUnlock() {
    store.tryLock(JOB, "node-a", LEASE);
    store.unlock(JOB, "node-a");

    assertThat(store.tryLock(JOB, "node-a", LEASE)).isTrue();
    assertThat(store.tryLock(JOB, "node-b", LEASE)).isFalse();
  }

  @Test
  void unlockOfAnUnknownLockDoesNothing() {
    store.unlock("never-taken", "node-a");

    assertThat(store.tryLock("never-taken", "node-b", LEASE)).isTrue();
  }

  @Test
  void locksWithDifferentNamesAreIndependent() {
    assertThat(store.tryLock("rollup", "node-a", LEASE)).isTrue();
    assertThat(store.tryLock("prune", "node-b", LEASE)).isTrue();

    store.unlock("rollup", "node-a");

    assertThat(store.tryLock("prune", "node-a", LEASE)).isFalse();
    assertThat(store.tryLock("rollup", "node-b", LEASE)).isTrue();
  }
}
