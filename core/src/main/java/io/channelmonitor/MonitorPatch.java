package io.channelmonitor;

import io.channelmonitor.secret.ApiKey;
import java.util.List;
import java.util.Map;

/**
 * A partial update for {@link MonitorService#update(long, MonitorPatch)}: a field that is not set
 * (null) keeps its stored value, and a blank API key keeps the stored key. The merged result is
 * validated like a new monitor. {@link #toString()} never shows the key.
 */
public record MonitorPatch(
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

  /** Collects the fields to change; unset fields stay as they are. */
  public static final class Builder extends MonitorFieldsBuilder<Builder> {
    private Builder() {}

    public MonitorPatch build() {
      return new MonitorPatch(
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
