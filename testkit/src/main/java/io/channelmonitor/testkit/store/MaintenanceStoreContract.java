package io.channelmonitor.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.store.MaintenanceStore;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link MaintenanceStore}: the rollup watermark starts empty and keeps the last
 * day set. Extend it and implement {@link #createStore}; see {@link StoreContractSupport}.
 */
public abstract class MaintenanceStoreContract extends StoreContractSupport {
  private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  @Test
  void watermarkIsEmptyInAFreshStore() {
    assertThat(store.rollupWatermark()).isEmpty();
  }

  @Test
  void watermarkKeepsTheDaySet() {
    store.setRollupWatermark(DAY);

    assertThat(store.rollupWatermark()).contains(DAY);
  }

  @Test
  void watermarkMovesToTheLastDaySetInEitherDirection() {
    store.setRollupWatermark(DAY);
    store.setRollupWatermark(DAY.plusDays(3));

    assertThat(store.rollupWatermark()).contains(DAY.plusDays(3));

    store.setRollupWatermark(DAY.minusDays(1));

    assertThat(store.rollupWatermark()).contains(DAY.minusDays(1));
  }

  @Test
  void watermarkIsUntouchedByOtherData() {
    store.setRollupWatermark(DAY);
    long id = insertMonitor("m").id();
    store.rollUpDay(DAY.plusDays(1));
    store.pruneRollups(DAY.plusDays(10), 100);
    store.deleteMonitor(id);

    assertThat(store.rollupWatermark()).contains(DAY);
  }
}
