package io.channelmonitor.spring.boot.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.channelmonitor.CheckResult;
import io.channelmonitor.store.ResultRecord;

/**
 * One check result for admins (run now and history): {@code {id?, model, status, failure_kind,
 * latency_ms, first_token_latency_ms, ping_latency_ms, message, checked_at}}. The id is only
 * present for stored history rows. The message is already redacted by the library.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResultJson(
    @JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_NULL) Long id,
    @JsonProperty("model") String model,
    @JsonProperty("status") String status,
    @JsonProperty("failure_kind") String failureKind,
    @JsonProperty("latency_ms") long latencyMs,
    @JsonProperty("first_token_latency_ms") Long firstTokenLatencyMs,
    @JsonProperty("ping_latency_ms") Long pingLatencyMs,
    @JsonProperty("message") String message,
    @JsonProperty("checked_at") String checkedAt) {

  /** A result of a run that was just made; it has no id. */
  public static ResultJson of(CheckResult result) {
    return of(null, result);
  }

  /** A stored history row. */
  public static ResultJson of(ResultRecord row) {
    return of(row.id(), row.result());
  }

  private static ResultJson of(Long id, CheckResult result) {
    return new ResultJson(
        id,
        result.model(),
        JsonViews.status(result.status()),
        result.failureKind().wire(),
        result.latencyMs(),
        result.firstTokenLatencyMs(),
        result.pingLatencyMs(),
        result.message() == null ? "" : result.message(),
        JsonViews.time(result.checkedAt()));
  }
}
