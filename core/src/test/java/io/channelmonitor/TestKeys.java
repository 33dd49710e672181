package io.channelmonitor;

import io.channelmonitor.secret.KeyRing;
import java.util.Map;

/** Fixed, test-only AES-256 keys. */
final class TestKeys {
  static final KeyRing RING = KeyRing.of("k1", Map.of("k1", bytes(1)));
  static final KeyRing OTHER_RING = KeyRing.of("k9", Map.of("k9", bytes(9)));

  private TestKeys() {}

  static byte[] bytes(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i);
    }
    return key;
  }
}
