package io.channelmonitor.jpa;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.RollupStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2RollupStoreContractTest extends RollupStoreContract {
  @RegisterExtension static final H2Database DB = new H2Database();

  @Override
  protected ChannelMonitorStore createStore(ManualClock clock) {
    return DB.store(clock);
  }

  @Override
  protected void cleanUp(ChannelMonitorStore used) {
    DB.empty();
  }
}
