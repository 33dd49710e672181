package io.channelmonitor;

import io.channelmonitor.secret.ApiKey;
import java.util.List;
import java.util.Map;

/**
 * The setters shared by {@link MonitorDraft.Builder} and {@link MonitorPatch.Builder}: one per
 * field of a monitor, named after the seed's JSON fields in camelCase. Nothing is checked here.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class MonitorFieldsBuilder<B extends MonitorFieldsBuilder<B>> {

  String name;
  String provider;
  String endpoint;
  ApiKey apiKey;
  String primaryModel;
  List<String> extraModels;
  String groupName;
  Boolean enabled;
  Integer intervalSeconds;
  Integer jitterSeconds;
  String apiMode;
  Map<String, String> extraHeaders;
  String bodyOverrideMode;
  String bodyOverride;
  Boolean stream;

  public B name(String value) {
    this.name = value;
    return self();
  }

  /** A checker id: {@code openai}, {@code anthropic}, {@code gemini} or a registered one. */
  public B provider(String value) {
    this.provider = value;
    return self();
  }

  /** An https origin with an optional base path, for example {@code https://api.openai.com}. */
  public B endpoint(String value) {
    this.endpoint = value;
    return self();
  }

  /** The channel's API key; trimmed and stored encrypted. A blank key in a patch keeps it. */
  public B apiKey(String value) {
    this.apiKey = value == null ? null : ApiKey.of(value);
    return self();
  }

  public B primaryModel(String value) {
    this.primaryModel = value;
    return self();
  }

  public B extraModels(List<String> value) {
    this.extraModels = value;
    return self();
  }

  public B groupName(String value) {
    this.groupName = value;
    return self();
  }

  /** Whether the scheduler probes the monitor; a draft that sets nothing is enabled. */
  public B enabled(boolean value) {
    this.enabled = value;
    return self();
  }

  /** Seconds between runs, 15..3600; a draft that sets nothing gets the default interval. */
  public B intervalSeconds(int value) {
    this.intervalSeconds = value;
    return self();
  }

  /** Random spread around the interval; interval - jitter must stay >= 15. */
  public B jitterSeconds(int value) {
    this.jitterSeconds = value;
    return self();
  }

  /** {@code chat_completions} (default) or {@code responses} (openai only). */
  public B apiMode(String value) {
    this.apiMode = value;
    return self();
  }

  public B apiMode(ApiMode value) {
    return apiMode(value == null ? null : value.wire());
  }

  public B extraHeaders(Map<String, String> value) {
    this.extraHeaders = value;
    return self();
  }

  /** {@code off} (default), {@code merge} or {@code replace}. */
  public B bodyOverrideMode(String value) {
    this.bodyOverrideMode = value;
    return self();
  }

  public B bodyOverrideMode(BodyOverrideMode value) {
    return bodyOverrideMode(value == null ? null : value.wire());
  }

  /** A JSON object as text. */
  public B bodyOverride(String json) {
    this.bodyOverride = json;
    return self();
  }

  /** Whether the probe streams (SSE) and records time to first token. */
  public B stream(boolean value) {
    this.stream = value;
    return self();
  }

  MonitorFieldsBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
