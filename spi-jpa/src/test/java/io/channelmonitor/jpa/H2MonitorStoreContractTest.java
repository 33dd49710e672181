package io.channelmonitor.jpa;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.MonitorStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2MonitorStoreContractTest extends MonitorStoreContract {
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
