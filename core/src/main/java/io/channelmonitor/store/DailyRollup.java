package io.channelmonitor.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The results of one model of one monitor on one UTC day, counted.
 *
 * @param monitorId the monitor
 * @param model the model
 * @param day the UTC day
 * @param counts the counts of that day
 */
public record DailyRollup(long monitorId, String model, LocalDate day, StatusCounts counts) {
  public DailyRollup {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(counts, "counts");
  }
}
