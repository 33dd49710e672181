package io.channelmonitor.jpa;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.StoreConcurrencyContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreConcurrencyContractTest extends StoreConcurrencyContract {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  @Override
  protected ChannelMonitorStore createStore(ManualClock clock) {
    return DB.store(clock);
  }

  @Override
  protected void cleanUp(ChannelMonitorStore used) {
    DB.empty();
  }
}
