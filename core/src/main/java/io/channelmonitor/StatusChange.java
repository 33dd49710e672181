package io.channelmonitor;

import java.util.Objects;

/**
 * A model of a monitor changed status.
 *
 * @param monitorId the monitor
 * @param monitorName its name at the time
 * @param provider its provider id
 * @param model the model
 * @param previous the status before, or null when this is the model's first result
 * @param current the new status
 * @param result the result that changed it
 */
public record StatusChange(
    long monitorId,
    String monitorName,
    String provider,
    String model,
    CheckStatus previous,
    CheckStatus current,
    CheckResult result) {
  public StatusChange {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(result, "result");
  }

  /** Whether availability changed: up to down or down to up. */
  public boolean availabilityChanged() {
    return previous == null || previous.available() != current.available();
  }
}
