package io.channelmonitor.spring.boot.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.channelmonitor.MonitorDraft;
import io.channelmonitor.MonitorFieldsBuilder;
import io.channelmonitor.MonitorPatch;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of create and update, field names as in the seed. Every field is optional here; a
 * missing or null field means "default" on create and "keep" on update. The library validates the
 * values; this layer only refuses what cannot be bound (see {@link RequestBodies}).
 *
 * <p>{@code template_id} (a number) and {@code clear_template} (a boolean) are accepted,
 * type-checked and ignored. Seed front ends send them because the seed links a monitor to a request
 * template for grouping in its UI only: the seed never reads the link when probing, and the
 * template's headers and body reach a monitor as its own {@code extra_headers}, {@code
 * body_override_mode} and {@code body_override}, which the front end sends alongside. The library
 * has no templates, so there is nothing to link, and the admin view always answers {@code
 * "template_id": null}.
 */
record MonitorRequest(
    @JsonProperty("name") String name,
    @JsonProperty("provider") String provider,
    @JsonProperty("endpoint") String endpoint,
    @JsonProperty("api_key") String apiKey,
    @JsonProperty("primary_model") String primaryModel,
    @JsonProperty("extra_models") List<String> extraModels,
    @JsonProperty("group_name") String groupName,
    @JsonProperty("enabled") Boolean enabled,
    @JsonProperty("interval_seconds") Integer intervalSeconds,
    @JsonProperty("jitter_seconds") Integer jitterSeconds,
    @JsonProperty("api_mode") String apiMode,
    @JsonProperty("extra_headers") Map<String, String> extraHeaders,
    @JsonProperty("body_override_mode") String bodyOverrideMode,
    @JsonProperty("body_override") JsonNode bodyOverride,
    @JsonProperty("stream") Boolean stream,
    @JsonProperty("template_id") Long templateId,
    @JsonProperty("clear_template") Boolean clearTemplate) {

  MonitorDraft toDraft() {
    return fill(MonitorDraft.builder()).build();
  }

  MonitorPatch toPatch() {
    return fill(MonitorPatch.builder()).build();
  }

  private <B extends MonitorFieldsBuilder<B>> B fill(B builder) {
    builder
        .name(name)
        .provider(provider)
        .endpoint(endpoint)
        .apiKey(apiKey)
        .primaryModel(primaryModel)
        .extraModels(extraModels)
        .groupName(groupName)
        .apiMode(apiMode)
        .extraHeaders(extraHeaders)
        .bodyOverrideMode(bodyOverrideMode)
        .bodyOverride(
            bodyOverride == null || bodyOverride.isNull() ? null : bodyOverride.toString());
    if (enabled != null) {
      builder.enabled(enabled);
    }
    if (intervalSeconds != null) {
      builder.intervalSeconds(intervalSeconds);
    }
    if (jitterSeconds != null) {
      builder.jitterSeconds(jitterSeconds);
    }
    if (stream != null) {
      builder.stream(stream);
    }
    return builder;
  }

  /** A key-free description: the key never reaches a log through this record. */
  @Override
  public String toString() {
    return "MonitorRequest[name="
        + name
        + ", provider="
        + provider
        + ", endpoint="
        + endpoint
        + "]";
  }
}
