package io.channelmonitor;

import io.channelmonitor.secret.ApiKey;
import java.util.List;
import java.util.Map;

/**
 * Raw input for {@link MonitorService#create(MonitorDraft)}. Nothing is checked here; the service
 * validates and normalises, and refuses bad input with a {@link MonitorValidationException}. Field
 * names follow the seed's JSON fields in camelCase. {@link #toString()} never shows the key.
 */
public record MonitorDraft(
    String name,
    String provider,
    String endpoint,
    ApiKey apiKey,
    String primaryModel,
    List<String> extraModels,
    String groupName,
    Boolean enabled,
    Integer intervalSeconds,
    Integer jitterSeconds,
    String apiMode,
    Map<String, String> extraHeaders,
    String bodyOverrideMode,
    String bodyOverride,
    Boolean stream) {

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the fields of a draft; unset fields take their defaults at validation. */
  public static final class Builder {
    private String name;
    private String provider;
    private String endpoint;
    private ApiKey apiKey;
    private String primaryModel;
    private List<String> extraModels;
    private String groupName;
    private Boolean enabled;
    private Integer intervalSeconds;
    private Integer jitterSeconds;
    private String apiMode;
    private Map<String, String> extraHeaders;
    private String bodyOverrideMode;
    private String bodyOverride;
    private Boolean stream;

    private Builder() {}

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** A checker id: {@code openai}, {@code anthropic}, {@code gemini} or a registered one. */
    public Builder provider(String value) {
      this.provider = value;
      return this;
    }

    /** An https origin with an optional base path, for example {@code https://api.openai.com}. */
    public Builder endpoint(String value) {
      this.endpoint = value;
      return this;
    }

    /** The channel's API key; it is trimmed and stored encrypted. */
    public Builder apiKey(String value) {
      this.apiKey = value == null ? null : ApiKey.of(value);
      return this;
    }

    public Builder primaryModel(String value) {
      this.primaryModel = value;
      return this;
    }

    public Builder extraModels(List<String> value) {
      this.extraModels = value;
      return this;
    }

    public Builder groupName(String value) {
      this.groupName = value;
      return this;
    }

    /** Whether the scheduler probes the monitor; true when not set. */
    public Builder enabled(boolean value) {
      this.enabled = value;
      return this;
    }

    /** Seconds between runs, 15..3600; the settings' default interval when not set. */
    public Builder intervalSeconds(int value) {
      this.intervalSeconds = value;
      return this;
    }

    /** Random spread around the interval, 0 when not set. */
    public Builder jitterSeconds(int value) {
      this.jitterSeconds = value;
      return this;
    }

    /** {@code chat_completions} (default) or {@code responses} (openai only). */
    public Builder apiMode(String value) {
      this.apiMode = value;
      return this;
    }

    public Builder apiMode(ApiMode value) {
      return apiMode(value == null ? null : value.wire());
    }

    public Builder extraHeaders(Map<String, String> value) {
      this.extraHeaders = value;
      return this;
    }

    /** {@code off} (default), {@code merge} or {@code replace}. */
    public Builder bodyOverrideMode(String value) {
      this.bodyOverrideMode = value;
      return this;
    }

    public Builder bodyOverrideMode(BodyOverrideMode value) {
      return bodyOverrideMode(value == null ? null : value.wire());
    }

    /** A JSON object as text. */
    public Builder bodyOverride(String json) {
      this.bodyOverride = json;
      return this;
    }

    /** Whether the probe streams (SSE); false when not set. */
    public Builder stream(boolean value) {
      this.stream = value;
      return this;
    }

    public MonitorDraft build() {
      return new MonitorDraft(
          name,
          provider,
          endpoint,
          apiKey,
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
  }
}
