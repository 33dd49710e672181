package io.channelmonitor.store;

import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.StoreConcurrencyContract;

class InMemoryStoreConcurrencyContractTest extends StoreConcurrencyContract {
  @Override
  protected ChannelMonitorStore createStore(ManualClock clock) {
    return new InMemoryStore(clock);
  }
}
