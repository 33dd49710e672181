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
  public static final class Builder extends MonitorFieldsBuilder<Builder> {
    private Builder() {}

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
