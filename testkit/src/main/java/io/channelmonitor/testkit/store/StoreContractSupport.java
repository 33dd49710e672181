package io.channelmonitor.testkit.store;

import static io.channelmonitor.testkit.store.StoreFixtures.monitor;

import io.channelmonitor.store.ChannelMonitorStore;
import io.channelmonitor.store.MonitorRecord;
import io.channelmonitor.store.ResultRecord;
import io.channelmonitor.testkit.ManualClock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract class shares: a fresh, empty store per test on a {@link ManualClock} that
 * starts at {@link ManualClock#DEFAULT_START}, and short helpers.
 *
 * <p>A store passes the suite when every contract class, extended with {@link
 * #createStore(ManualClock)} implemented, passes. Stores must keep instants to at least millisecond
 * precision (the fixtures use millisecond instants) and must not assume ids start at 1.
 */
public abstract class StoreContractSupport {
  /** An id no test assigns. */
  protected static final long MISSING_ID = Long.MAX_VALUE;

  /** The clock the store was created with. */
  protected ManualClock clock;

  /** The store under test, fresh for each test. */
  protected ChannelMonitorStore store;

  /**
   * Returns an empty store. Called before each test; its locks must expire by {@code clock}.
   *
   * @param clock the clock the test moves
   */
  protected abstract ChannelMonitorStore createStore(ManualClock clock);

  /**
   * Called after each test with the store {@link #createStore(ManualClock)} returned, so a database
   * store can empty its tables or close its pool. Does nothing by default.
   */
  protected void cleanUp(ChannelMonitorStore used) {
    // nothing to release by default
  }

  @BeforeEach
  public final void createFreshStore() {
    clock = ManualClock.start();
    store = createStore(clock);
  }

  @AfterEach
  public final void cleanUpStore() {
    if (store != null) {
      cleanUp(store);
    }
  }

  /** Inserts a default monitor named {@code name}. */
  protected MonitorRecord insertMonitor(String name) {
    return store.insertMonitor(monitor().name(name).record());
  }

  /** Inserts {@code rows} as one batch. */
  protected void insertResults(ResultRecord... rows) {
    store.insertResults(List.of(rows));
  }

  /** Each of {@code monitorIds} mapped to {@code models}, as {@code latestPerModel} asks. */
  protected static Map<Long, List<String>> withModels(
      Collection<Long> monitorIds, String... models) {
    Map<Long, List<String>> asked = new LinkedHashMap<>();
    monitorIds.forEach(id -> asked.put(id, List.of(models)));
    return asked;
  }

  /** The ids of {@code monitors}, in order. */
  protected static List<Long> ids(MonitorRecord... monitors) {
    return Arrays.stream(monitors).map(MonitorRecord::id).toList();
  }
}
