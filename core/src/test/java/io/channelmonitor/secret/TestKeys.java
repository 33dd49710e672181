package io.channelmonitor.secret;

import java.util.Arrays;
import java.util.Base64;

/** Deterministic key material for tests. */
final class TestKeys {
  private TestKeys() {}

  /** 32 bytes derived from {@code seed}, different for every seed. */
  static byte[] bytes(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i * 7 + 1);
    }
    return key;
  }

  static byte[] filled(int length, int value) {
    byte[] key = new byte[length];
    Arrays.fill(key, (byte) value);
    return key;
  }

  static String base64(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }

  static String base64Url(byte[] key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }
}
