package io.channelmonitor.secret;

/**
 * Encrypts API keys for storage and decrypts them for use. The default is {@link
 * AesGcmSecretCodec}; a host that already encrypts elsewhere (a KMS, Vault) may supply its own.
 */
public interface SecretCodec {
  /** Encrypts {@code plaintext}, always with the current primary key. */
  String encrypt(String plaintext);

  /**
   * Decrypts a value produced by {@link #encrypt(String)} with any key the ring still holds.
   *
   * @throws SecretCodecException when the value is malformed, its key is unknown or it was tampered
   *     with; the exception carries no secret bytes
   */
  String decrypt(String ciphertext);

  /** Whether a stored value should be encrypted again (older format or not the primary key). */
  boolean needsReencryption(String ciphertext);
}
