package io.channelmonitor.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRingTest {
  @Test
  void holdsTheGivenKeysByIdAndNamesThePrimary() {
    KeyRing ring = KeyRing.of("k2", Map.of("k1", TestKeys.bytes(1), "k2", TestKeys.bytes(2)));

    assertThat(ring.primaryKeyId()).isEqualTo("k2");
    assertThat(ring.key("k1")).get().extracting(SecretKey::getEncoded).isEqualTo(TestKeys.bytes(1));
    assertThat(ring.key("k2")).get().extracting(SecretKey::getAlgorithm).isEqualTo("AES");
    assertThat(ring.key("k3")).isEmpty();
    assertThat(ring.key(null)).isEmpty();
  }

  @Test
  void copiesTheKeyBytesSoTheCallerMayWipeThem() {
    byte[] bytes = TestKeys.bytes(1);
    Map<String, byte[]> keys = new HashMap<>(Map.of("k1", bytes));
    KeyRing ring = KeyRing.of("k1", keys);

    Arrays.fill(bytes, (byte) 0);
    keys.clear();

    assertThat(ring.key("k1")).get().extracting(SecretKey::getEncoded).isEqualTo(TestKeys.bytes(1));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 16, 24, 31, 33, 64})
  void refusesKeysThatAreNotAes256(int length) {
    byte[] key = TestKeys.filled(length, 0x5a);

    assertThatThrownBy(() -> KeyRing.of("main", Map.of("main", key)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'main'")
        .hasMessageContaining("32 bytes")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestKeys.base64(key)));
  }

  @Test
  void refusesAnEmptyKey() {
    assertThatThrownBy(() -> KeyRing.of("main", Map.of("main", new byte[0])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'main'")
        .hasMessageContaining("got 0");
  }

  static Stream<Arguments> badKeyIds() {
    return Stream.of(
        Arguments.of(""),
        Arguments.of("Upper"),
        Arguments.of("with space"),
        Arguments.of("colon:id"),
        Arguments.of("a".repeat(33)),
        Arguments.of("ключ"),
        Arguments.of(TestKeys.base64(TestKeys.bytes(7))));
  }

  @ParameterizedTest
  @MethodSource("badKeyIds")
  void refusesMalformedKeyIdsWithoutEchoingThem(String keyId) {
    assertThatThrownBy(() -> KeyRing.of(keyId, Map.of(keyId, TestKeys.bytes(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[a-z0-9._-]{1,32}")
        .satisfies(
            e -> {
              if (!keyId.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(keyId);
              }
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "v1", "2026-01.primary_key", "abcdefghijklmnopqrstuvwxyz012345"})
  void acceptsWellFormedKeyIds(String keyId) {
    assertThat(KeyRing.of(keyId, Map.of(keyId, TestKeys.bytes(1))).primaryKeyId()).isEqualTo(keyId);
  }

  @Test
  void refusesAPrimaryThatIsNotInTheRing() {
    assertThatThrownBy(() -> KeyRing.of("k2", Map.of("k1", TestKeys.bytes(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'k2'")
        .hasMessageContaining("[k1]");
    assertThatThrownBy(() -> KeyRing.of("k1", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesMissingArguments() {
    Map<String, byte[]> nullKey = new HashMap<>();
    nullKey.put("k1", null);

    assertThatThrownBy(() -> KeyRing.of("k1", nullKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'k1'");
    assertThatThrownBy(() -> KeyRing.of(null, Map.of("k1", TestKeys.bytes(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyRing.of("k1", null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void readsStandardAndUrlSafeBase64() {
    byte[] first = TestKeys.filled(32, 0xfb);
    byte[] second = TestKeys.bytes(2);
    KeyRing ring =
        KeyRing.fromBase64(
            "b", Map.of("a", " " + TestKeys.base64(first) + "\n", "b", TestKeys.base64Url(second)));

    assertThat(ring.key("a")).get().extracting(SecretKey::getEncoded).isEqualTo(first);
    assertThat(ring.key("b")).get().extracting(SecretKey::getEncoded).isEqualTo(second);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "QUJD$", "A", "===="})
  void refusesBadBase64NamingOnlyTheKeyId(String value) {
    assertThatThrownBy(() -> KeyRing.fromBase64("main", Map.of("main", value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key 'main' is not valid base64")
        .hasNoCause();
  }

  @Test
  void refusesBase64OfAKeyWithTheWrongLengthWithoutEchoingIt() {
    String shortKey = TestKeys.base64(TestKeys.filled(16, 0x41));

    assertThatThrownBy(() -> KeyRing.fromBase64("main", Map.of("main", shortKey)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'main'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
  }

  @Test
  void toStringListsKeyIdsOnly() {
    byte[] one = TestKeys.bytes(1);
    byte[] two = TestKeys.bytes(2);
    KeyRing ring = KeyRing.of("k1", Map.of("k2", two, "k1", one));

    assertThat(ring).hasToString("KeyRing[primary=k1, keyIds=[k1, k2]]");
    assertThat(ring.toString())
        .doesNotContain(TestKeys.base64(one), TestKeys.base64Url(two), "SecretKeySpec");
  }

  @Test
  void ephemeralRingHoldsOneFreshRandomKey() {
    KeyRing first = KeyRing.ephemeral();
    KeyRing second = KeyRing.ephemeral();

    assertThat(first.primaryKeyId()).isEqualTo("ephemeral");
    byte[] key = first.key("ephemeral").orElseThrow().getEncoded();
    assertThat(key).hasSize(32);
    assertThat(second.key("ephemeral").orElseThrow().getEncoded()).isNotEqualTo(key);
    assertThat(first).hasToString("KeyRing[primary=ephemeral, keyIds=[ephemeral]]");
  }
}
