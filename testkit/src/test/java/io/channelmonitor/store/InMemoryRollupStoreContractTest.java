package io.channelmonitor.store;

import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.RollupStoreContract;

class InMemoryRollupStoreContractTest extends RollupStoreContract {
  @Override
  protected ChannelMonitorStore createStore(ManualClock clock) {
    return new InMemoryStore(clock);
  }
}
