package io.channelmonitor.spring.boot.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelmonitor.history.TimelinePoint;

/** One bar of a timeline: {@code {status, latency_ms, ping_latency_ms, checked_at}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TimelinePointJson(
    @JsonProperty("status") String status,
    @JsonProperty("latency_ms") long latencyMs,
    @JsonProperty("ping_latency_ms") Long pingLatencyMs,
    @JsonProperty("checked_at") String checkedAt) {

  public static TimelinePointJson of(TimelinePoint point) {
    return new TimelinePointJson(
        JsonViews.status(point.status()),
        point.latencyMs(),
        point.pingLatencyMs(),
        JsonViews.time(point.checkedAt()));
  }
}
