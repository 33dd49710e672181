package io.channelmonitor.history;

import io.channelmonitor.Monitor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A monitor and the models to report on, as the caller of {@link AvailabilityCalculator} names
 * them. The primary model is always among {@code models}: it is put first when missing. Duplicate
 * models are dropped, the first occurrence keeps its place.
 *
 * @param monitorId the monitor
 * @param primaryModel the model whose timeline is returned and whose figures stand for the monitor
 * @param models the models to report on, in display order
 */
public record MonitorModels(long monitorId, String primaryModel, List<String> models) {

  public MonitorModels {
    Objects.requireNonNull(primaryModel, "primaryModel");
    if (primaryModel.isBlank()) {
      throw new IllegalArgumentException("primaryModel must not be blank");
    }
    Set<String> ordered = new LinkedHashSet<>();
    if (!models.contains(primaryModel)) {
      ordered.add(primaryModel);
    }
    for (String model : models) {
      ordered.add(Objects.requireNonNull(model, "model"));
    }
    models = List.copyOf(new ArrayList<>(ordered));
  }

  /** The primary model followed by the extra models. */
  public static MonitorModels of(long monitorId, String primaryModel, String... extraModels) {
    List<String> models = new ArrayList<>(extraModels.length + 1);
    models.add(primaryModel);
    models.addAll(List.of(extraModels));
    return new MonitorModels(monitorId, primaryModel, models);
  }

  /** The models {@code monitor} probes: its primary model, then its extra models. */
  public static MonitorModels of(Monitor monitor) {
    return new MonitorModels(monitor.id(), monitor.primaryModel(), monitor.config().models());
  }
}
