package io.channelmonitor.store;

import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.ResultStoreContract;

class InMemoryResultStoreContractTest extends ResultStoreContract {
  @Override
  protected ChannelMonitorStore createStore(ManualClock clock) {
    return new InMemoryStore(clock);
  }
}
