package io.channelmonitor.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one monitor: every requested model in the requested order, and the newest
 * checks of its primary model.
 *
 * @param monitorId the monitor
 * @param primaryModel its primary model, always one of {@code models}
 * @param models one entry per requested model, in the requested order
 * @param timeline the newest checks of the primary model, newest first, at most {@code
 *     timelinePoints} of them
 */
public record MonitorAvailability(
    long monitorId,
    String primaryModel,
    List<ModelAvailability> models,
    List<TimelinePoint> timeline) {

  public MonitorAvailability {
    Objects.requireNonNull(primaryModel, "primaryModel");
    models = List.copyOf(models);
    timeline = List.copyOf(timeline);
    if (models.stream().noneMatch(m -> m.model().equals(primaryModel))) {
      throw new IllegalArgumentException("models must include the primary model " + primaryModel);
    }
  }

  /** The primary model's figures: the ones that stand for the monitor in lists. */
  public ModelAvailability primary() {
    return model(primaryModel).orElseThrow();
  }

  /** The figures of {@code model}, when it was requested. */
  public Optional<ModelAvailability> model(String model) {
    return models.stream().filter(m -> m.model().equals(model)).findFirst();
  }
}
