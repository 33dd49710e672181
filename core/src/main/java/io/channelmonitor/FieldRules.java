package io.channelmonitor;

import io.channelmonitor.internal.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Rules for the plain text fields of a monitor: required, trimmed, bounded. */
final class FieldRules {
  static final int MAX_NAME = 100;
  static final int MAX_GROUP = 100;
  static final int MAX_MODEL = 200;
  static final int MAX_EXTRA_MODELS = 20;
  static final int MAX_API_KEY = 2000;
  static final int MAX_ENDPOINT = 500;

  private FieldRules() {}

  static String name(String raw) {
    if (Texts.isBlank(raw)) {
      throw invalid("name is required");
    }
    return bounded(raw.trim(), MAX_NAME, "name");
  }

  static String groupName(String raw) {
    return raw == null ? "" : bounded(raw.trim(), MAX_GROUP, "group_name");
  }

  static String primaryModel(String raw) {
    if (Texts.isBlank(raw)) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_MISSING_PRIMARY_MODEL);
    }
    return bounded(raw.trim(), MAX_MODEL, "primary_model");
  }

  /**
   * Refuses control characters (tab allowed only where {@code allowTab}) and unpaired surrogates:
   * they break headers, log lines and databases.
   */
  static String plainText(String value, String field, boolean allowTab) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean control = Character.isISOControl(c) && !(allowTab && c == '\t');
      if (control || (Character.isSurrogate(c) && !pairedAt(value, i))) {
        throw invalid(field + " must not contain control characters or invalid unicode");
      }
      if (Character.isHighSurrogate(c)) {
        i++;
      }
    }
    return value;
  }

  private static boolean pairedAt(String value, int i) {
    return Character.isHighSurrogate(value.charAt(i))
        && i + 1 < value.length()
        && Character.isLowSurrogate(value.charAt(i + 1));
  }

  /** Trims, drops blanks, duplicates and the primary model; keeps the first occurrence order. */
  static List<String> extraModels(List<String> raw, String primaryModel) {
    if (raw == null) {
      return List.of();
    }
    Set<String> models = new LinkedHashSet<>();
    for (String item : raw) {
      if (Texts.isBlank(item)) {
        continue;
      }
      String model = plainText(item.trim(), "extra_models", false);
      if (model.codePointCount(0, model.length()) > MAX_MODEL) {
        throw new MonitorValidationException(
            Reason.CHANNEL_MONITOR_INVALID_EXTRA_MODELS,
            "each extra model must be at most " + MAX_MODEL + " characters");
      }
      if (!model.equals(primaryModel)) {
        models.add(model);
      }
    }
    if (models.size() > MAX_EXTRA_MODELS) {
      throw new MonitorValidationException(
          Reason.CHANNEL_MONITOR_INVALID_EXTRA_MODELS,
          "at most " + MAX_EXTRA_MODELS + " extra models are allowed");
    }
    return new ArrayList<>(models);
  }

  static String endpointText(String raw) {
    if (Texts.isBlank(raw)) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_INVALID_ENDPOINT);
    }
    return bounded(raw.trim(), MAX_ENDPOINT, "endpoint");
  }

  static int interval(Integer raw, int defaultSeconds) {
    int seconds = raw == null ? defaultSeconds : raw;
    if (seconds < ChannelMonitorSettings.MIN_INTERVAL_SECONDS
        || seconds > ChannelMonitorSettings.MAX_INTERVAL_SECONDS) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_INVALID_INTERVAL);
    }
    return seconds;
  }

  static int jitter(Integer raw, int intervalSeconds) {
    int seconds = raw == null ? 0 : raw;
    if (seconds < 0 || intervalSeconds - seconds < ChannelMonitorSettings.MIN_INTERVAL_SECONDS) {
      throw new MonitorValidationException(Reason.CHANNEL_MONITOR_INVALID_JITTER);
    }
    return seconds;
  }

  /** Plain text of at most {@code max} characters (code points, as the databases count). */
  static String bounded(String value, int max, String field) {
    plainText(value, field, false);
    if (value.codePointCount(0, value.length()) > max) {
      throw invalid(field + " must be at most " + max + " characters");
    }
    return value;
  }

  private static MonitorValidationException invalid(String message) {
    return new MonitorValidationException(Reason.VALIDATION_ERROR, message);
  }
}
