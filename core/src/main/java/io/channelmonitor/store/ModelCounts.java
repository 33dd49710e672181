package io.channelmonitor.store;

import java.util.Objects;

/**
 * Status counts of one model of one monitor over some period.
 *
 * @param monitorId the monitor
 * @param model the model
 * @param counts the counts
 */
public record ModelCounts(long monitorId, String model, StatusCounts counts) {
  public ModelCounts {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(counts, "counts");
  }
}
