package io.channelmonitor.store;

/**
 * Everything the library stores, as one object: {@code InMemoryStore}, {@code JdbcStore} and {@code
 * JpaStore} implement it. Every implementation passes the contract suite in the testkit. Methods
 * throw {@link io.channelmonitor.StoreException} when the store fails.
 */
public interface ChannelMonitorStore
    extends MonitorStore, ResultStore, RollupStore, MaintenanceStore, LockStore {

  /** Whether data outlives the JVM. A persistent store needs a host-supplied secret key. */
  default boolean persistent() {
    return true;
  }
}
