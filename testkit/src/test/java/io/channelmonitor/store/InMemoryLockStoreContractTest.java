package io.channelmonitor.store;

import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.LockStoreContract;

class InMemoryLockStoreContractTest extends LockStoreContract {
  @Override
  protected ChannelMonitorStore createStore(ManualClock clock) {
    return new InMemoryStore(clock);
  }
}
