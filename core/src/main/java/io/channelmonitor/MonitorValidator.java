package io.channelmonitor;

import io.channelmonitor.internal.Texts;
import io.channelmonitor.secret.ApiKey;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns raw input into a validated, normalised {@link MonitorConfig}, or refuses it with a {@link
 * MonitorValidationException} carrying the seed's reason code. Cheap rules run first; the endpoint
 * check, which may resolve DNS, runs last.
 */
final class MonitorValidator {
  private static final String OPENAI = "openai";

  private final Set<String> providers;
  private final EndpointCheck endpointCheck;
  private final ChannelMonitorSettings settings;
  private final BodyOverrideRules bodyRules = new BodyOverrideRules();

  MonitorValidator(
      Set<String> providers, EndpointCheck endpointCheck, ChannelMonitorSettings settings) {
    this.providers = Set.copyOf(providers);
    this.endpointCheck = Objects.requireNonNull(endpointCheck, "endpointCheck");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Validates a new monitor: its configuration and its key. */
  Validated validateCreate(MonitorDraft draft) {
    ApiKey key = apiKey(draft.apiKey());
    MonitorConfig config = validateConfig(draft, false);
    return new Validated(withCanonicalEndpoint(config), key);
  }

  /**
   * Validates {@code patch} applied to {@code current}. The endpoint is checked again only when the
   * patch sets it; a blank key in the patch keeps the stored key (null in the result).
   */
  Validated validateUpdate(MonitorConfig current, MonitorPatch patch) {
    MonitorDraft merged = PatchMerger.merge(current, patch);
    boolean newKey = patch.apiKey() != null && !patch.apiKey().isEmpty();
    ApiKey key = newKey ? apiKey(patch.apiKey()) : null;
    MonitorConfig config = validateConfig(merged, patch.apiMode() == null);
    return new Validated(patch.endpoint() == null ? config : withCanonicalEndpoint(config), key);
  }

  private MonitorConfig validateConfig(MonitorDraft draft, boolean resetApiModeForOtherProviders) {
    String name = FieldRules.name(draft.name());
    String provider = provider(draft.provider());
    ApiMode apiMode = apiMode(draft.apiMode(), provider, resetApiModeForOtherProviders);
    int interval = FieldRules.interval(draft.intervalSeconds(), settings.defaultIntervalSeconds());
    int jitter = FieldRules.jitter(draft.jitterSeconds(), interval);
    String primary = FieldRules.primaryModel(draft.primaryModel());
    BodyOverrideMode mode = BodyOverrideRules.mode(draft.bodyOverrideMode());
    return new MonitorConfig(
        name,
        provider,
        FieldRules.endpointText(draft.endpoint()),
        primary,
        FieldRules.extraModels(draft.extraModels(), primary),
        FieldRules.groupName(draft.groupName()),
        draft.enabled() == null || draft.enabled(),
        interval,
        jitter,
        apiMode,
        HeaderRules.validate(draft.extraHeaders()),
        mode,
        bodyRules.body(mode, draft.bodyOverride(), provider, apiMode),
        draft.stream() != null && draft.stream());
  }

  private MonitorConfig withCanonicalEndpoint(MonitorConfig config) {
    return config.withEndpoint(endpointCheck.canonical(config.endpoint()));
  }

  private String provider(String raw) {
    String provider = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
    if (!providers.contains(provider)) {
      throw new MonitorValidationException(
          Reason.CHANNEL_MONITOR_INVALID_PROVIDER,
          "provider must be one of " + String.join("/", new TreeSet<>(providers)));
    }
    return provider;
  }

  private static ApiMode apiMode(String raw, String provider, boolean resetForOtherProviders) {
    if (Texts.isBlank(raw) || (resetForOtherProviders && !OPENAI.equals(provider))) {
      return ApiMode.CHAT_COMPLETIONS;
    }
    ApiMode mode =
        WireValue.parse(ApiMode.class, raw)
            .orElseThrow(
                () -> new MonitorValidationException(Reason.CHANNEL_MONITOR_INVALID_API_MODE));
    if (mode == ApiMode.RESPONSES && !OPENAI.equals(provider)) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_INVALID_API_MODE);
    }
    return mode;
  }

  private static ApiKey apiKey(ApiKey key) {
    if (key == null || key.isEmpty()) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_MISSING_API_KEY);
    }
    String value = key.reveal();
    if (value.length() > FieldRules.MAX_API_KEY) {
      throw new MonitorValidationException(
          Reason.VALIDATION_ERROR,
          "api_key must be at most " + FieldRules.MAX_API_KEY + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw new MonitorValidationException(
            Reason.VALIDATION_ERROR, "api_key must be printable ASCII without spaces");
      }
    }
    return key;
  }

  /**
   * A validated configuration and, when one was given, the new key.
   *
   * @param config the configuration to store
   * @param newKey the key to encrypt, or null to keep the stored one
   */
  record Validated(MonitorConfig config, ApiKey newKey) {}
}
