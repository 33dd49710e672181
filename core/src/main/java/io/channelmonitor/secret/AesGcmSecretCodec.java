package io.channelmonitor.secret;

import io.channelmonitor.secret.SecretCodecException.Cause;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The default {@link SecretCodec}: AES-GCM through the JDK's own provider, keys from a {@link
 * KeyRing}. A stored value reads {@code cm:v1:<keyId>:<payload>}, where the payload is the unpadded
 * URL-safe base64 of a 12-byte random nonce, the ciphertext and the 16-byte tag. The header {@code
 * cm:v1:<keyId>:} is authenticated as associated data, so a value whose version or key id was
 * edited fails to decrypt instead of being read with another key.
 *
 * <p>Thread-safe. With random nonces one key should not encrypt more than about 2^32 values; the
 * volume here (one value per configured key) is far below that, but keys should still be rotated.
 */
public final class AesGcmSecretCodec implements SecretCodec {
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyRing ring;
  private final SecureRandom random;

  /**
   * A codec over {@code ring}.
   *
   * @throws IllegalArgumentException when the ring's primary key id is malformed or missing
   */
  public AesGcmSecretCodec(KeyRing ring) {
    this(ring, new SecureRandom());
  }

  AesGcmSecretCodec(KeyRing ring, SecureRandom random) {
    this.ring = Objects.requireNonNull(ring, "ring");
    this.random = Objects.requireNonNull(random, "random");
    try {
      primaryKey();
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  @Override
  public String encrypt(String plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    SecretKey key = primaryKey();
    Envelope header = Envelope.current(ring.primaryKeyId());
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] clear = utf8(plaintext);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header.associatedData());
      byte[] payload = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(clear.length));
      cipher.doFinal(clear, 0, clear.length, payload, NONCE_BYTES);
      return header.withPayload(payload).text();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "AES-GCM encryption with key '"
              + header.keyId()
              + "' failed: "
              + e.getClass().getSimpleName());
    } finally {
      StaticKeyRing.wipe(clear);
    }
  }

  @Override
  public String decrypt(String ciphertext) {
    Envelope envelope = Envelope.parseHeader(ciphertext);
    requireCurrentVersion(envelope);
    SecretKey key =
        ring.key(envelope.keyId())
            .orElseThrow(() -> failure(Cause.UNKNOWN_KEY_ID, envelope.keyId()));
    byte[] payload = envelope.decodePayload(NONCE_BYTES + TAG_BITS / 8);
    byte[] clear = null;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
      cipher.updateAAD(envelope.associatedData());
      clear = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
      return fromUtf8(clear, envelope.keyId());
    } catch (AEADBadTagException e) {
      throw failure(Cause.AUTHENTICATION_FAILED, envelope.keyId());
    } catch (GeneralSecurityException e) {
      // Not a tag failure: the host's key does not suit AES-GCM. Only the type is kept.
      throw new SecretCodecException(
          Cause.AUTHENTICATION_FAILED,
          describe(Cause.AUTHENTICATION_FAILED, envelope.keyId())
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    } finally {
      StaticKeyRing.wipe(clear);
    }
  }

  @Override
  public boolean needsReencryption(String ciphertext) {
    try {
      Envelope envelope = Envelope.parseHeader(ciphertext);
      if (!Envelope.CURRENT_VERSION.equals(envelope.version())
          || !envelope.keyId().equals(ring.primaryKeyId())) {
        return true;
      }
      envelope.decodePayload(NONCE_BYTES + TAG_BITS / 8);
      return false;
    } catch (SecretCodecException e) {
      return true;
    }
  }

  @Override
  public String toString() {
    return "AesGcmSecretCodec[format=" + Envelope.PREFIX + ":" + Envelope.CURRENT_VERSION + "]";
  }

  private SecretKey primaryKey() {
    String keyId = ring.primaryKeyId();
    if (!StaticKeyRing.isValidId(keyId)) {
      throw new IllegalStateException(
          "the key ring's primary key id is malformed: " + StaticKeyRing.describeId(keyId));
    }
    return ring.key(keyId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the key ring holds no key for its primary key id '" + keyId + "'"));
  }

  private static void requireCurrentVersion(Envelope envelope) {
    if (!Envelope.CURRENT_VERSION.equals(envelope.version())) {
      throw new SecretCodecException(
          Cause.UNSUPPORTED_VERSION,
          "secret could not be decrypted: format version "
              + envelope.version()
              + " is not supported (reason=UNSUPPORTED_VERSION)");
    }
  }

  static SecretCodecException failure(Cause cause, String keyId) {
    return new SecretCodecException(cause, describe(cause, keyId));
  }

  private static String describe(Cause cause, String keyId) {
    String key = keyId == null ? "" : "key id=" + keyId + ", ";
    return "secret could not be decrypted: " + key + "reason=" + cause;
  }

  private static byte[] utf8(String text) {
    try {
      ByteBuffer encoded =
          StandardCharsets.UTF_8
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("plaintext is not valid UTF-16 (unpaired surrogate)");
    }
  }

  private static String fromUtf8(byte[] bytes, String keyId) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw failure(Cause.MALFORMED, keyId);
    }
  }
}
