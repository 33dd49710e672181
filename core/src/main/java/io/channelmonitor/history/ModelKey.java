package io.channelmonitor.history;

import java.util.Objects;

/**
 * One model of one monitor, as a map key. A call of the calculator looks keys up tens of thousands
 * of times, so equality and hash are written out rather than left to the record's generic ones.
 */
record ModelKey(long monitorId, String model) {
  ModelKey {
    Objects.requireNonNull(model, "model");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelKey key && key.monitorId == monitorId && key.model.equals(model);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(monitorId) + model.hashCode();
  }
}
