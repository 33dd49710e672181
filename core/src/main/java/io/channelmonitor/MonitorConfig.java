package io.channelmonitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a monitor probes and when: every field of a monitor but its identity, key and timestamps.
 * Values are already validated and normalised by {@link MonitorService}.
 *
 * @param name display name
 * @param provider checker id: {@code openai}, {@code anthropic}, {@code gemini} or a registered one
 * @param endpoint canonical endpoint: origin plus optional base path, no trailing slash
 * @param primaryModel the model whose status stands for the monitor
 * @param extraModels further models probed in the same run, in order
 * @param groupName free grouping label, empty when none
 * @param enabled whether the scheduler probes it
 * @param intervalSeconds seconds between runs (15..3600)
 * @param jitterSeconds each delay is interval - jitter + uniform[0, 2 jitter]
 * @param apiMode the OpenAI API used (chat completions unless {@code openai} + responses)
 * @param extraHeaders headers merged over the provider's, in insertion order
 * @param bodyOverrideMode how {@code bodyOverride} changes the request body
 * @param bodyOverride a JSON object as text, or null
 * @param stream whether the probe streams (SSE) and records time to first token
 */
public record MonitorConfig(
    String name,
    String provider,
    String endpoint,
    String primaryModel,
    List<String> extraModels,
    String groupName,
    boolean enabled,
    int intervalSeconds,
    int jitterSeconds,
    ApiMode apiMode,
    Map<String, String> extraHeaders,
    BodyOverrideMode bodyOverrideMode,
    String bodyOverride,
    boolean stream) {

  /**
   * Written in an extra header value, it is replaced by the monitor's API key when the request is
   * sent, e.g. {@code api-key: {api_key}}.
   */
  public static final String API_KEY_PLACEHOLDER = "{api_key}";

  public MonitorConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(primaryModel, "primaryModel");
    extraModels = List.copyOf(Objects.requireNonNull(extraModels, "extraModels"));
    groupName = groupName == null ? "" : groupName;
    Objects.requireNonNull(apiMode, "apiMode");
    extraHeaders =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Objects.requireNonNull(extraHeaders, "extraHeaders")));
    Objects.requireNonNull(bodyOverrideMode, "bodyOverrideMode");
  }

  /** The primary model followed by the extra models: the order results come in. */
  public List<String> models() {
    List<String> models = new ArrayList<>(extraModels.size() + 1);
    models.add(primaryModel);
    models.addAll(extraModels);
    return Collections.unmodifiableList(models);
  }

  /**
   * Whether {@code other} probes the same thing on the same schedule as this one: only the name and
   * the group differ. A rename does not need a new probe.
   */
  public boolean probesSameAs(MonitorConfig other) {
    return other != null && withLabels(other.name, other.groupName).equals(other);
  }

  /** Header values and the body are left out: they may carry credentials. */
  @Override
  public String toString() {
    return "MonitorConfig[name="
        + name
        + ", provider="
        + provider
        + ", endpoint="
        + endpoint
        + ", models="
        + models()
        + ", groupName="
        + groupName
        + ", enabled="
        + enabled
        + ", intervalSeconds="
        + intervalSeconds
        + ", jitterSeconds="
        + jitterSeconds
        + ", apiMode="
        + apiMode.wire()
        + ", extraHeaders="
        + extraHeaders.keySet()
        + ", bodyOverrideMode="
        + bodyOverrideMode.wire()
        + ", bodyOverride="
        + (bodyOverride == null ? "none" : bodyOverride.length() + " chars")
        + ", stream="
        + stream
        + "]";
  }

  MonitorConfig withEndpoint(String newEndpoint) {
    return new MonitorConfig(
        name,
        provider,
        newEndpoint,
        primaryModel,
        extraModels,
        groupName,
        enabled,
        intervalSeconds,
        jitterSeconds,
        apiMode,
        extraHeaders,
        bodyOverrideMode,
        bodyOverride,
        stream);
  }

  private MonitorConfig withLabels(String newName, String newGroup) {
    return new MonitorConfig(
        newName,
        provider,
        endpoint,
        primaryModel,
        extraModels,
        newGroup,
        enabled,
        intervalSeconds,
        jitterSeconds,
        apiMode,
        extraHeaders,
        bodyOverrideMode,
        bodyOverride,
        stream);
  }
}
