package io.channelmonitor.secret;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The AES keys a {@link SecretCodec} encrypts and decrypts with, by key id, one of them primary.
 * The host owns the keys: it builds a ring from configuration with {@link #of} or {@link
 * #fromBase64}, or implements this interface over its KMS, Vault or keystore. The library never
 * generates or stores master keys, except {@link #ephemeral()} for demos.
 *
 * <p>Key ids match {@code [a-z0-9._-]{1,32}}; they are written into every stored value, so they
 * must never be derived from key material. To rotate: add a new key, deploy, make it primary, then
 * re-encrypt the values for which {@link SecretCodec#needsReencryption(String)} is true, and retire
 * the old id once no value or backup needs it.
 */
public interface KeyRing {
  /** The id of the key every new value is encrypted with. */
  String primaryKeyId();

  /** The key with this id, or empty when the ring does not hold it. */
  Optional<SecretKey> key(String keyId);

  /**
   * A fixed ring of AES-256 keys. The bytes are copied, so the caller may wipe its arrays
   * afterwards.
   *
   * @throws IllegalArgumentException when a key id is not of the form {@code [a-z0-9._-]{1,32}}, a
   *     key is not exactly 32 bytes, or the primary id is not in {@code keys}; the message names
   *     the key id and never a key byte
   */
  static KeyRing of(String primaryKeyId, Map<String, byte[]> keys) {
    return StaticKeyRing.create(primaryKeyId, keys);
  }

  /**
   * A fixed ring of AES-256 keys given as base64 text, as they come from configuration properties.
   * Both the standard and the URL-safe alphabet are accepted, padding optional.
   *
   * @throws IllegalArgumentException as {@link #of}, and when a value is not base64; the message
   *     names only the key id
   */
  static KeyRing fromBase64(String primaryKeyId, Map<String, String> base64Keys) {
    Objects.requireNonNull(base64Keys, "base64Keys");
    Map<String, byte[]> decoded = new LinkedHashMap<>();
    try {
      base64Keys.forEach((id, text) -> decoded.put(id, decodeKey(id, text)));
      return StaticKeyRing.create(primaryKeyId, decoded);
    } finally {
      decoded.values().forEach(StaticKeyRing::wipe);
    }
  }

  /**
   * A ring holding one random key with id {@code ephemeral}. The key lives only in this JVM: every
   * value encrypted with it is lost at exit. Meant for the in-memory store, tests and demos.
   */
  static KeyRing ephemeral() {
    return StaticKeyRing.ephemeral();
  }

  private static byte[] decodeKey(String keyId, String text) {
    String id = StaticKeyRing.describeId(keyId);
    if (text == null) {
      throw new IllegalArgumentException("key " + id + " has no value");
    }
    String normalized = text.strip().replace('-', '+').replace('_', '/');
    try {
      return Base64.getDecoder().decode(normalized);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; it must not reach the caller.
      throw new IllegalArgumentException("key " + id + " is not valid base64");
    }
  }
}
