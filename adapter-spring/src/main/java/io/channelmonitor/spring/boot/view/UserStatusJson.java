package io.channelmonitor.spring.boot.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.WindowFigures;
import java.util.List;

/**
 * One monitor's status for users: per model the latest status and latency, availability over 7, 15
 * and 30 days and the 7-day average latency of available checks.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserStatusJson(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("provider") String provider,
    @JsonProperty("group_name") String groupName,
    @JsonProperty("models") List<ModelFigures> models) {

  /** One model's figures; availability is null for a window without checks. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record ModelFigures(
      @JsonProperty("model") String model,
      @JsonProperty("latest_status") String latestStatus,
      @JsonProperty("latest_latency_ms") Long latestLatencyMs,
      @JsonProperty("availability_7d") Double availability7d,
      @JsonProperty("availability_15d") Double availability15d,
      @JsonProperty("availability_30d") Double availability30d,
      @JsonProperty("avg_latency_7d_ms") Long avgLatency7dMs) {

    static ModelFigures of(String model, MonitorAvailability figures) {
      ModelAvailability m = figures == null ? null : figures.model(model).orElse(null);
      if (m == null) {
        return new ModelFigures(model, null, null, null, null, null, null);
      }
      WindowFigures week = m.windows().get(7);
      return new ModelFigures(
          model,
          JsonViews.status(m.latestStatus()),
          m.latestLatencyMs(),
          JsonViews.percent(week),
          JsonViews.percent(m.windows().get(15)),
          JsonViews.percent(m.windows().get(30)),
          week == null ? null : week.averageLatencyMs());
    }
  }

  public static UserStatusJson of(long id, MonitorConfig config, MonitorAvailability figures) {
    return new UserStatusJson(
        id,
        config.name(),
        config.provider(),
        config.groupName(),
        config.models().stream().map(model -> ModelFigures.of(model, figures)).toList());
  }
}
