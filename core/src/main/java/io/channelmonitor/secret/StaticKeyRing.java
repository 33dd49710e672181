package io.channelmonitor.secret;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The key ring built from key bytes the host hands over. Immutable. */
final class StaticKeyRing implements KeyRing {
  static final String EPHEMERAL_KEY_ID = "ephemeral";
  static final int KEY_BYTES = 32;

  private static final Pattern KEY_ID = Pattern.compile("[a-z0-9._-]{1,32}");

  private final String primaryKeyId;
  private final SortedMap<String, SecretKey> keys;

  private StaticKeyRing(String primaryKeyId, SortedMap<String, SecretKey> keys) {
    this.primaryKeyId = primaryKeyId;
    this.keys = Collections.unmodifiableSortedMap(keys);
  }

  static StaticKeyRing create(String primaryKeyId, Map<String, byte[]> keyBytes) {
    Objects.requireNonNull(keyBytes, "keys");
    requireValidId(primaryKeyId);
    SortedMap<String, SecretKey> keys = new TreeMap<>();
    keyBytes.forEach((id, bytes) -> keys.put(requireValidId(id), toAesKey(id, bytes)));
    if (!keys.containsKey(primaryKeyId)) {
      throw new IllegalArgumentException(
          "primary key id '" + primaryKeyId + "' is not among the keys " + keys.keySet());
    }
    return new StaticKeyRing(primaryKeyId, keys);
  }

  static StaticKeyRing ephemeral() {
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    try {
      return create(EPHEMERAL_KEY_ID, Map.of(EPHEMERAL_KEY_ID, bytes));
    } finally {
      wipe(bytes);
    }
  }

  static boolean isValidId(String keyId) {
    return keyId != null && KEY_ID.matcher(keyId).matches();
  }

  /**
   * How an error message names a key id. An id that breaks the rules is not echoed: it may be a key
   * pasted into the wrong field.
   */
  static String describeId(String keyId) {
    if (isValidId(keyId)) {
      return "'" + keyId + "'";
    }
    return keyId == null ? "(null id)" : "(invalid id of " + keyId.length() + " characters)";
  }

  static void wipe(byte[] bytes) {
    if (bytes != null) {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static String requireValidId(String keyId) {
    if (!isValidId(keyId)) {
      throw new IllegalArgumentException(
          "key id must match [a-z0-9._-]{1,32}: " + describeId(keyId));
    }
    return keyId;
  }

  private static SecretKey toAesKey(String keyId, byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("key '" + keyId + "' has no value");
    }
    if (bytes.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "key '"
              + keyId
              + "' must be exactly "
              + KEY_BYTES
              + " bytes (AES-256), got "
              + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  @Override
  public String primaryKeyId() {
    return primaryKeyId;
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    return keyId == null ? Optional.empty() : Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public String toString() {
    return "KeyRing[primary=" + primaryKeyId + ", keyIds=" + keys.keySet() + "]";
  }
}
