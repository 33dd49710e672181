package io.channelmonitor.spring.boot.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.channelmonitor.Monitor;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import java.util.List;
import java.util.Map;

/**
 * A monitor as admins see it: its configuration with the key masked ({@code sk-a***}), its
 * timestamps and, in lists, the summary of its latest checks and 7-day availability. The key itself
 * is never part of it. {@code template_id} is always null: the library keeps no request templates
 * (a monitor holds its own headers and body), and the field is there because seed front ends read
 * it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminMonitorJson(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("provider") String provider,
    @JsonProperty("endpoint") String endpoint,
    @JsonProperty("api_key_masked") String apiKeyMasked,
    @JsonProperty("api_key_decrypt_failed") boolean apiKeyDecryptFailed,
    @JsonProperty("primary_model") String primaryModel,
    @JsonProperty("extra_models") List<String> extraModels,
    @JsonProperty("group_name") String groupName,
    @JsonProperty("enabled") boolean enabled,
    @JsonProperty("interval_seconds") int intervalSeconds,
    @JsonProperty("jitter_seconds") int jitterSeconds,
    @JsonProperty("api_mode") String apiMode,
    @JsonProperty("stream") boolean stream,
    @JsonProperty("template_id") Long templateId,
    @JsonProperty("extra_headers") Map<String, String> extraHeaders,
    @JsonProperty("body_override_mode") String bodyOverrideMode,
    @JsonProperty("body_override") JsonNode bodyOverride,
    @JsonProperty("last_checked_at") String lastCheckedAt,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("primary_status") String primaryStatus,
    @JsonProperty("primary_latency_ms") Long primaryLatencyMs,
    @JsonProperty("availability_7d") Double availability7d,
    @JsonProperty("extra_models_status") List<ModelStatusJson> extraModelsStatus) {

  /**
   * The admin view of {@code monitor}.
   *
   * @param availability its figures with a 7-day window, or null for the single-monitor routes (the
   *     summary fields are then null and the extra models' status list is empty)
   */
  public static AdminMonitorJson of(Monitor monitor, MonitorAvailability availability) {
    ModelAvailability primary = availability == null ? null : availability.primary();
    List<ModelStatusJson> extras =
        availability == null
            ? List.of()
            : monitor.extraModels().stream()
                .map(model -> ModelStatusJson.of(model, availability))
                .toList();
    return new AdminMonitorJson(
        monitor.id(),
        monitor.name(),
        monitor.provider(),
        monitor.endpoint(),
        monitor.apiKeyMasked(),
        monitor.keyDecryptFailed(),
        monitor.primaryModel(),
        monitor.extraModels(),
        monitor.groupName(),
        monitor.enabled(),
        monitor.intervalSeconds(),
        monitor.jitterSeconds(),
        monitor.apiMode().wire(),
        monitor.stream(),
        null,
        monitor.extraHeaders(),
        monitor.bodyOverrideMode().wire(),
        JsonViews.tree(monitor.bodyOverride()),
        JsonViews.time(monitor.lastCheckedAt()),
        JsonViews.time(monitor.createdAt()),
        JsonViews.time(monitor.updatedAt()),
        primary == null ? null : JsonViews.status(primary.latestStatus()),
        primary == null ? null : primary.latestLatencyMs(),
        primary == null ? null : JsonViews.percent(primary.windows().get(7)),
        extras);
  }
}
