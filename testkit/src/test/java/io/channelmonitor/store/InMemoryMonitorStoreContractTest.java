package io.channelmonitor.store;

import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.MonitorStoreContract;

class InMemoryMonitorStoreContractTest extends MonitorStoreContract {
  @Override
  protected ChannelMonitorStore createStore(ManualClock clock) {
    return new InMemoryStore(clock);
  }
}
