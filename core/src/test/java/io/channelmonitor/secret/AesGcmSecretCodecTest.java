package io.channelmonitor.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.Reason;
import io.channelmonitor.secret.SecretCodecException.Cause;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AesGcmSecretCodecTest {
  private static final String KEY = "sk-proj-" + "Ab3_x-".repeat(12);
  private static final KeyRing RING =
      KeyRing.of("k1", Map.of("k1", TestKeys.bytes(1), "k2", TestKeys.bytes(2)));

  private final AesGcmSecretCodec codec = new AesGcmSecretCodec(RING);

  static Stream<Arguments> plaintexts() {
    return Stream.of(
        Arguments.of("ascii", KEY),
        Arguments.of("unicode", "ключ-密钥-🔑-é\u0301"),
        Arguments.of("empty", ""),
        Arguments.of("2000 characters", "x9-".repeat(667).substring(0, 2000)),
        Arguments.of("separators", "cm:v1:k1:AAAA"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plaintexts")
  void roundTrips(String name, String plaintext) {
    String stored = codec.encrypt(plaintext);

    assertThat(stored).matches("cm:v1:k1:[A-Za-z0-9_-]+");
    assertThat(codec.decrypt(stored)).isEqualTo(plaintext);
    assertThat(payload(stored)).hasSize(12 + plaintext.getBytes(UTF8).length + 16);
  }

  @Test
  void encryptsOnePlaintextDifferentlyEachTime() {
    String first = codec.encrypt(KEY);
    String second = codec.encrypt(KEY);

    assertThat(first).isNotEqualTo(second);
    assertThat(payload(first)).isNotEqualTo(payload(second));
    assertThat(Arrays.copyOf(payload(first), 12)).isNotEqualTo(Arrays.copyOf(payload(second), 12));
  }

  @Test
  void takesEveryNonceFromTheGivenRandom() {
    SecureRandom fixed =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;

          @Override
          public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 7);
          }
        };
    AesGcmSecretCodec predictable = new AesGcmSecretCodec(RING, fixed);

    String stored = predictable.encrypt(KEY);

    assertThat(predictable.encrypt(KEY)).isEqualTo(stored);
    assertThat(Arrays.copyOf(payload(stored), 12)).containsOnly(7);
  }

  @Test
  void everyFlippedPayloadByteFailsAuthentication() {
    String stored = codec.encrypt(KEY);
    byte[] payload = payload(stored);
    String header = stored.substring(0, stored.lastIndexOf(':') + 1);

    for (int i = 0; i < payload.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] tampered = payload.clone();
        tampered[i] ^= (byte) bit;
        String value = header + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

        assertFails(value, Cause.AUTHENTICATION_FAILED);
      }
    }
  }

  @Test
  void everyFlippedCharacterIsRefused() {
    String stored = codec.encrypt(KEY);

    for (int i = 0; i < stored.length(); i++) {
      char[] chars = stored.toCharArray();
      chars[i] ^= 1;
      String tampered = new String(chars);

      assertThatThrownBy(() -> codec.decrypt(tampered))
          .as("character %d of %s", i, stored)
          .isInstanceOf(SecretCodecException.class);
    }
  }

  @Test
  void everyTruncationIsRefused() {
    String stored = codec.encrypt(KEY);

    for (int length = 0; length < stored.length(); length++) {
      String cut = stored.substring(0, length);

      assertThatThrownBy(() -> codec.decrypt(cut)).isInstanceOf(SecretCodecException.class);
    }
  }

  @Test
  void aKeyIdSwappedInTheHeaderFailsEvenWhenItNamesTheSameKeyBytes() {
    KeyRing twins = KeyRing.of("a1", Map.of("a1", TestKeys.bytes(5), "a2", TestKeys.bytes(5)));
    AesGcmSecretCodec twinCodec = new AesGcmSecretCodec(twins);
    String stored = twinCodec.encrypt(KEY);

    assertFails(twinCodec, stored.replace("cm:v1:a1:", "cm:v1:a2:"), Cause.AUTHENTICATION_FAILED);
    assertFails(stored.replace("cm:v1:a1:", "cm:v1:k2:"), Cause.AUTHENTICATION_FAILED);
  }

  @Test
  void aValueFromAnotherKeyWithTheSameIdFailsAuthentication() {
    AesGcmSecretCodec other =
        new AesGcmSecretCodec(KeyRing.of("k1", Map.of("k1", TestKeys.bytes(9))));

    assertFails(other.encrypt(KEY), Cause.AUTHENTICATION_FAILED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v0", "v2", "v10", "v999"})
  void refusesOtherVersions(String version) {
    String stored = codec.encrypt(KEY).replace("cm:v1:", "cm:" + version + ":");

    assertFails(stored, Cause.UNSUPPORTED_VERSION);
  }

  @Test
  void refusesAnUnknownKeyIdByName() {
    String stored = codec.encrypt(KEY).replace("cm:v1:k1:", "cm:v1:retired-2024:");

    assertFails(stored, Cause.UNKNOWN_KEY_ID);
    assertThatThrownBy(() -> codec.decrypt(stored)).hasMessageContaining("retired-2024");
  }

  static Stream<Arguments> malformed() {
    String sample = new AesGcmSecretCodec(RING).encrypt("value");
    String payload = sample.substring("cm:v1:k1:".length());
    String shortPayload =
        Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(payload(sample), 27));
    return Stream.of(
        Arguments.of("null", null),
        Arguments.of("empty", ""),
        Arguments.of("plain text", "not encrypted"),
        Arguments.of("header only", "cm:v1:k1:"),
        Arguments.of("no payload separator", "cm:v1:k1"),
        Arguments.of("other prefix", "xx:v1:k1:" + payload),
        Arguments.of("upper-case prefix", "CM:v1:k1:" + payload),
        Arguments.of("version not v-digits", "cm:1:k1:" + payload),
        Arguments.of("key id not allowed", "cm:v1:K1:" + payload),
        Arguments.of("empty key id", "cm:v1::" + payload),
        Arguments.of("extra field", "cm:v1:k1:x:" + payload),
        Arguments.of("leading space", " " + sample),
        Arguments.of("trailing newline", sample + "\n"),
        Arguments.of("padding", sample + "=="),
        Arguments.of("standard alphabet", "cm:v1:k1:" + payload.replace('-', '+') + "+/"),
        Arguments.of("not base64", "cm:v1:k1:" + payload.substring(1) + "*"),
        Arguments.of("too short", "cm:v1:k1:" + "A".repeat(36)),
        Arguments.of("impossible base64 length", "cm:v1:k1:" + payload + "A"),
        Arguments.of("one byte short of nonce and tag", "cm:v1:k1:" + shortPayload));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesMalformedValues(String name, String value) {
    assertFails(value, Cause.MALFORMED);
    assertThat(codec.needsReencryption(value)).isTrue();
  }

  @Test
  void refusesANonCanonicalLastCharacter() {
    String stored = codec.encrypt("abcd");
    int rest = payload(stored).length % 3;
    assertThat(rest).isNotZero();
    char last = stored.charAt(stored.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
    String variant = stored.substring(0, stored.length() - 1) + sibling;

    assertThatThrownBy(() -> codec.decrypt(variant)).isInstanceOf(SecretCodecException.class);
  }

  @Test
  void rotationKeepsOldValuesReadableAndFlagsThemForReencryption() {
    byte[] oldKey = TestKeys.bytes(1);
    AesGcmSecretCodec before = new AesGcmSecretCodec(KeyRing.of("old", Map.of("old", oldKey)));
    String stored = before.encrypt(KEY);
    assertThat(before.needsReencryption(stored)).isFalse();

    AesGcmSecretCodec after =
        new AesGcmSecretCodec(KeyRing.of("new", Map.of("old", oldKey, "new", TestKeys.bytes(2))));

    assertThat(after.decrypt(stored)).isEqualTo(KEY);
    assertThat(after.needsReencryption(stored)).isTrue();
    String reencrypted = after.encrypt(after.decrypt(stored));
    assertThat(reencrypted).startsWith("cm:v1:new:");
    assertThat(after.needsReencryption(reencrypted)).isFalse();
    assertThat(after.decrypt(reencrypted)).isEqualTo(KEY);
    assertFails(before, reencrypted, Cause.UNKNOWN_KEY_ID);
  }

  @Test
  void flagsOlderVersionsForReencryption() {
    String stored = codec.encrypt(KEY);

    assertThat(codec.needsReencryption(stored)).isFalse();
    assertThat(codec.needsReencryption(stored.replace("cm:v1:", "cm:v0:"))).isTrue();
    assertThat(codec.needsReencryption(stored.replace("cm:v1:k1:", "cm:v1:k2:"))).isTrue();
  }

  @Test
  void failuresCarryTheDecryptReasonAndNoSecretMaterial() {
    String stored = codec.encrypt(KEY);
    String payload = stored.substring("cm:v1:k1:".length());
    String tampered = stored.substring(0, stored.length() - 2) + "AA";
    String[] values = {
      tampered,
      stored.replace("k1", "gone"),
      stored.replace("v1", "v7"),
      "cm:v1:k1:" + payload.substring(3),
      KEY
    };

    for (String value : values) {
      assertThatThrownBy(() -> codec.decrypt(value))
          .isInstanceOfSatisfying(
              SecretCodecException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.CHANNEL_MONITOR_KEY_DECRYPT_FAILED);
                assertThat(e).hasNoCause();
                assertThat(e.getMessage()).startsWith("secret could not be decrypted");
                assertNoSecretIn(e.getMessage(), payload);
              });
    }
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    String text = codec.toString() + RING;

    assertThat(codec).hasToString("AesGcmSecretCodec[format=cm:v1]");
    assertNoSecretIn(text, codec.encrypt(KEY));
  }

  @Test
  void refusesARingWhosePrimaryKeyIsMissing() {
    KeyRing broken =
        new KeyRing() {
          @Override
          public String primaryKeyId() {
            return "missing";
          }

          @Override
          public Optional<SecretKey> key(String keyId) {
            return Optional.empty();
          }
        };

    assertThatThrownBy(() -> new AesGcmSecretCodec(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'missing'");
  }

  @Test
  void refusesTextThatUtf8CannotCarry() {
    assertThatThrownBy(() -> codec.encrypt("key\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("key");
  }

  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] payload(String stored) {
    return Base64.getUrlDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
  }

  private void assertFails(String value, Cause cause) {
    assertFails(codec, value, cause);
  }

  private static void assertFails(SecretCodec codec, String value, Cause cause) {
    assertThatThrownBy(() -> codec.decrypt(value))
        .isInstanceOfSatisfying(
            SecretCodecException.class, e -> assertThat(e.failure()).isEqualTo(cause));
  }

  private static void assertNoSecretIn(String text, String ciphertextPayload) {
    assertThat(text).doesNotContain(KEY, ciphertextPayload);
    for (int seed : new int[] {1, 2}) {
      byte[] key = TestKeys.bytes(seed);
      assertThat(text).doesNotContain(TestKeys.base64(key), TestKeys.base64Url(key));
    }
  }
}
