package io.channelmonitor.secret;

import io.channelmonitor.secret.SecretCodecException.Cause;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The text form of a value stored by {@link AesGcmSecretCodec}: {@code
 * cm:<version>:<keyId>:<payload>}. Parsing is strict; anything else is {@link Cause#MALFORMED}.
 *
 * @param version the format version, {@code v} and one to three digits
 * @param keyId the id of the key the value was encrypted with
 * @param payload the base64url text after the last separator, empty until set
 */
record Envelope(String version, String keyId, String payload) {
  static final String PREFIX = "cm";
  static final String CURRENT_VERSION = "v1";

  private static final char SEPARATOR = ':';
  private static final Pattern VERSION = Pattern.compile("v[0-9]{1,3}");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  static Envelope current(String keyId) {
    return new Envelope(CURRENT_VERSION, keyId, "");
  }

  /** Reads the header; the payload is kept as text and checked by {@link #decodePayload}. */
  static Envelope parseHeader(String text) {
    if (text == null) {
      throw malformed(null);
    }
    String[] parts = text.split(String.valueOf(SEPARATOR), -1);
    if (parts.length != 4
        || !PREFIX.equals(parts[0])
        || !VERSION.matcher(parts[1]).matches()
        || !StaticKeyRing.isValidId(parts[2])
        || parts[3].isEmpty()) {
      throw malformed(null);
    }
    return new Envelope(parts[1], parts[2], parts[3]);
  }

  /** The header, authenticated as GCM associated data. */
  String header() {
    return PREFIX + SEPARATOR + version + SEPARATOR + keyId + SEPARATOR;
  }

  byte[] associatedData() {
    return header().getBytes(StandardCharsets.US_ASCII);
  }

  Envelope withPayload(byte[] bytes) {
    return new Envelope(version, keyId, ENCODER.encodeToString(bytes));
  }

  String text() {
    return header() + payload;
  }

  /**
   * The payload bytes, at least {@code minLength} of them. Only the canonical encoding is accepted
   * (no padding, no stray bits in the last character), so one value has exactly one spelling.
   */
  byte[] decodePayload(int minLength) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(payload);
    } catch (IllegalArgumentException e) {
      throw malformed(keyId);
    }
    if (bytes.length < minLength || !ENCODER.encodeToString(bytes).equals(payload)) {
      throw malformed(keyId);
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "Envelope[" + header() + "...]";
  }

  private static SecretCodecException malformed(String keyId) {
    return AesGcmSecretCodec.failure(Cause.MALFORMED, keyId);
  }
}
