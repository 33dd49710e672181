package io.channelmonitor;

/** Why a check was not operational, so a caller knows the scope of a failure. */
public enum FailureKind implements WireValue {
  /** No failure (operational), or only slow (degraded). */
  NONE,
  /** 401 or 403: the key is wrong, revoked or lacks access. */
  AUTH,
  /** 429: rate limited; the Retry-After value is kept in the message. */
  RATE_LIMITED,
  /** 404 or an error naming the model: the model does not exist on this channel. */
  MODEL_NOT_FOUND,
  /** Another 4xx answer. */
  CLIENT_ERROR,
  /** A 5xx answer. */
  UPSTREAM_5XX,
  /** The request, the first token or the body took longer than allowed. */
  TIMEOUT,
  /** The connection could not be opened. */
  CONNECT,
  /** The TLS handshake or certificate check failed. */
  TLS,
  /** A 3xx answer; redirects are never followed. */
  REDIRECT,
  /** The SSRF guard refused the address. */
  BLOCKED,
  /** The answer could not be parsed: malformed JSON or SSE, truncated stream. */
  PROTOCOL,
  /** A 2xx answer that carried an error object or error event. */
  ERROR_IN_BODY,
  /** The answer did not contain the challenge's expected word. */
  CHALLENGE_MISMATCH,
  /** The answer was empty. */
  EMPTY_ANSWER,
  /** The library failed on its own (a bug or a misconfiguration); see the message. */
  INTERNAL;

  @Override
  public String wire() {
    return WireValue.lowerName(this);
  }
}
