package io.channelmonitor.spring.boot.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelmonitor.MonitorConfig;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import java.util.List;

/**
 * A monitor as any user sees it in the list: name, provider, group, primary model, its latest
 * status, 7-day availability and timeline, and the latest status of the extra models. Nothing
 * secret or internal: no endpoint, key, interval, timestamps of edits or messages.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserMonitorJson(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("provider") String provider,
    @JsonProperty("group_name") String groupName,
    @JsonProperty("primary_model") String primaryModel,
    @JsonProperty("primary_status") String primaryStatus,
    @JsonProperty("primary_latency_ms") Long primaryLatencyMs,
    @JsonProperty("primary_ping_latency_ms") Long primaryPingLatencyMs,
    @JsonProperty("availability_7d") Double availability7d,
    @JsonProperty("extra_models") List<ModelStatusJson> extraModels,
    @JsonProperty("timeline") List<TimelinePointJson> timeline) {

  /** The user view of a monitor with its figures (null when they could not be read). */
  public static UserMonitorJson of(long id, MonitorConfig config, MonitorAvailability figures) {
    ModelAvailability primary = figures == null ? null : figures.primary();
    return new UserMonitorJson(
        id,
        config.name(),
        config.provider(),
        config.groupName(),
        config.primaryModel(),
        primary == null ? null : JsonViews.status(primary.latestStatus()),
        primary == null ? null : primary.latestLatencyMs(),
        primary == null ? null : primary.latestPingMs(),
        primary == null ? null : JsonViews.percent(primary.windows().get(7)),
        config.extraModels().stream().map(model -> ModelStatusJson.of(model, figures)).toList(),
        figures == null
            ? List.of()
            : figures.timeline().stream().map(TimelinePointJson::of).toList());
  }
}
