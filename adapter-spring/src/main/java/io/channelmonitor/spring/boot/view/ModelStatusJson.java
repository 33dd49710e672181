package io.channelmonitor.spring.boot.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;

/**
 * The latest status of one model: {@code {model, status, latency_ms}}; null status and latency when
 * the model was never checked.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelStatusJson(
    @JsonProperty("model") String model,
    @JsonProperty("status") String status,
    @JsonProperty("latency_ms") Long latencyMs) {

  /** The latest status of {@code model} in {@code availability} (which may be null). */
  public static ModelStatusJson of(String model, MonitorAvailability availability) {
    ModelAvailability figures =
        availability == null ? null : availability.model(model).orElse(null);
    if (figures == null) {
      return new ModelStatusJson(model, null, null);
    }
    return new ModelStatusJson(
        model, JsonViews.status(figures.latestStatus()), figures.latestLatencyMs());
  }
}
