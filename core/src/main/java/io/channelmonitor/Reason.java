package io.channelmonitor;

/**
 * Reason codes carried by every {@link ChannelMonitorException}. The names are the seed system's
 * wire codes, so existing front ends keep working; the default messages are the seed's texts.
 */
public enum Reason {
  /** A field failed a basic rule (required, length); the message names the field. */
  VALIDATION_ERROR("invalid request"),
  /** An id that no monitor can have (zero or negative). */
  INVALID_MONITOR_ID("invalid monitor id"),
  CHANNEL_MONITOR_INVALID_PROVIDER("provider must be one of openai/anthropic/gemini"),
  CHANNEL_MONITOR_INVALID_INTERVAL("interval_seconds must be in [15, 3600]"),
  CHANNEL_MONITOR_INVALID_JITTER(
      "jitter_seconds must be >= 0 and interval_seconds - jitter_seconds >= 15"),
  CHANNEL_MONITOR_INVALID_API_MODE("api_mode must be chat_completions, or responses for openai"),
  CHANNEL_MONITOR_INVALID_ENDPOINT("endpoint must be a valid https URL"),
  CHANNEL_MONITOR_ENDPOINT_SCHEME("endpoint must use https scheme"),
  CHANNEL_MONITOR_ENDPOINT_PATH(
      "endpoint must be an origin with an optional base path (no query/fragment)"),
  CHANNEL_MONITOR_ENDPOINT_PRIVATE("endpoint must be a public host"),
  CHANNEL_MONITOR_ENDPOINT_UNREACHABLE("endpoint hostname could not be resolved"),
  CHANNEL_MONITOR_MISSING_API_KEY("api_key is required when creating a monitor"),
  CHANNEL_MONITOR_MISSING_PRIMARY_MODEL("primary_model is required"),
  CHANNEL_MONITOR_INVALID_EXTRA_MODELS(
      "extra_models must hold at most 20 models of at most 200 characters"),
  CHANNEL_MONITOR_TEMPLATE_INVALID_BODY_MODE("body_override_mode must be one of off/merge/replace"),
  CHANNEL_MONITOR_TEMPLATE_BODY_REQUIRED(
      "body_override is required when body_override_mode is merge or replace"),
  CHANNEL_MONITOR_INVALID_REQUEST_BODY("body_override must be a JSON object"),
  CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_NAME("extra header name is not a valid HTTP token"),
  CHANNEL_MONITOR_TEMPLATE_HEADER_FORBIDDEN("extra header is not allowed"),
  CHANNEL_MONITOR_TEMPLATE_HEADER_INVALID_VALUE(
      "extra header value must be visible ASCII or Latin-1 without control characters (tab allowed)"),
  CHANNEL_MONITOR_NOT_FOUND("channel monitor not found"),
  /** Someone else changed the monitor between read and write. Maps to HTTP 409. */
  CHANNEL_MONITOR_CONFLICT("channel monitor was changed concurrently"),
  /** The global feature switch is off; nothing is probed. Maps to HTTP 403. */
  CHANNEL_MONITOR_DISABLED("channel monitor is disabled"),
  /** A check of this monitor is already running. Maps to HTTP 409. */
  CHANNEL_MONITOR_RUN_IN_PROGRESS("a check of this channel monitor is already running"),
  CHANNEL_MONITOR_KEY_DECRYPT_FAILED(
      "api key decryption failed; please re-edit the monitor with a fresh key"),
  /** The store failed (database down, constraint violation); nothing secret is in the message. */
  CHANNEL_MONITOR_STORE_FAILED("channel monitor store failed");

  private final String defaultMessage;

  Reason(String defaultMessage) {
    this.defaultMessage = defaultMessage;
  }

  /** The seed's message for this reason. */
  public String defaultMessage() {
    return defaultMessage;
  }
}
