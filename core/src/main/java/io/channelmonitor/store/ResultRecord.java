package io.channelmonitor.store;

import io.channelmonitor.CheckResult;
import java.util.Objects;

/**
 * A stored check result: one row per model per run.
 *
 * @param id the store's id; 0 before insert
 * @param monitorId the monitor it belongs to
 * @param result the result
 */
public record ResultRecord(long id, long monitorId, CheckResult result) {
  public ResultRecord {
    Objects.requireNonNull(result, "result");
  }

  public ResultRecord withId(long newId) {
    return new ResultRecord(newId, monitorId, result);
  }
}
