package io.channelmonitor.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A channel's API key in clear text, held so that it is never shown by accident: {@link
 * #toString()} returns a fixed marker, and the value is only read through {@link #reveal()} where a
 * request header is built. Not a record, so no generated method can print it.
 */
public final class ApiKey {
  /** The value used when a stored key could not be decrypted. */
  public static final ApiKey EMPTY = new ApiKey("");

  private static final String MARKER = "ApiKey[***]";

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /** Wraps a key, trimmed. */
  public static ApiKey of(String value) {
    return new ApiKey(Objects.requireNonNull(value, "value").trim());
  }

  /** The clear-text key. Call it only to build the request that sends it. */
  public String reveal() {
    return value;
  }

  /** Whether the key is empty. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /**
   * The admin view of the key: its first 4 characters followed by {@code ***}, or just {@code ***}
   * when the key has 4 characters or fewer.
   */
  public String masked() {
    int codePoints = value.codePointCount(0, value.length());
    if (codePoints <= 4) {
      return "***";
    }
    return value.substring(0, value.offsetByCodePoints(0, 4)) + "***";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiKey key
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), key.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return MARKER;
  }
}
