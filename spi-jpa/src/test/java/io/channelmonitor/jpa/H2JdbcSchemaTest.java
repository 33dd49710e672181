package io.channelmonitor.jpa;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.testkit.ManualClock;
import io.channelmonitor.testkit.store.LockStoreContract;
import io.channelmonitor.testkit.store.MaintenanceStoreContract;
import io.channelmonitor.testkit.store.MonitorStoreContract;
import io.channelmonitor.testkit.store.ResultStoreContract;
import io.channelmonitor.testkit.store.RollupStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store on tables created by the JDBC store's shipped script, which Hibernate validates against
 * the entities: hosts can create the schema with that script (or a migration copied from it) and
 * use either store on it.
 */
class H2JdbcSchemaTest {
  @RegisterExtension static final H2Database DB = new H2Database(TestDatabase.Schema.JDBC_SCRIPT);

  static ChannelMonitorStore create(ManualClock clock) {
    return DB.store(clock);
  }

  @Nested
  class Monitors extends MonitorStoreContract {
    @Override
    protected ChannelMonitorStore createStore(ManualClock clock) {
      return create(clock);
    }

    @Override
    protected void cleanUp(ChannelMonitorStore used) {
      DB.empty();
    }
  }

  @Nested
  class Results extends ResultStoreContract {
    @Override
    protected ChannelMonitorStore createStore(ManualClock clock) {
      return create(clock);
    }

    @Override
    protected void cleanUp(ChannelMonitorStore used) {
      DB.empty();
    }
  }

  @Nested
  class Rollups extends RollupStoreContract {
    @Override
    protected ChannelMonitorStore createStore(ManualClock clock) {
      return create(clock);
    }

    @Override
    protected void cleanUp(ChannelMonitorStore used) {
      DB.empty();
    }
  }

  @Nested
  class Maintenance extends MaintenanceStoreContract {
    @Override
    protected ChannelMonitorStore createStore(ManualClock clock) {
      return create(clock);
    }

    @Override
    protected void cleanUp(ChannelMonitorStore used) {
      DB.empty();
    }
  }

  @Nested
  class Locks extends LockStoreContract {
    @Override
    protected ChannelMonitorStore createStore(ManualClock clock) {
      return create(clock);
    }

    @Override
    protected void cleanUp(ChannelMonitorStore used) {
      DB.empty();
    }
  }
}
