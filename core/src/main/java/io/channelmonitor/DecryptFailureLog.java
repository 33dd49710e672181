package io.channelmonitor;

import io.channelmonitor.secret.SecretCodecException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a stored key that cannot be decrypted at WARN once per monitor and stored key, and at DEBUG
 * on every later read of the same key: admin lists decrypt every key on every call, so a wrong key
 * ring would otherwise log a WARN per monitor per page view. A new stored key (the monitor was
 * given a new key, or another instance re-encrypted it) warns again; a key that decrypts again is
 * forgotten. Remembers at most {@link #MAX_REMEMBERED} monitors, then starts over.
 */
final class DecryptFailureLog {
  static final int MAX_REMEMBERED = 10_000;

  private static final Logger log = LoggerFactory.getLogger(DecryptFailureLog.class);

  /** Monitor id to the hash of the stored key it last warned about; never the key itself. */
  private final Map<Long, Integer> warned = new ConcurrentHashMap<>();

  void failed(long monitorId, String ciphertext, SecretCodecException e) {
    Integer storedKey = ciphertext.hashCode();
    if (warned.size() >= MAX_REMEMBERED) {
      warned.clear();
    }
    if (storedKey.equals(warned.put(monitorId, storedKey))) {
      log.debug(
          "channel_monitor: decrypt api key failed for monitor {} ({}), again",
          monitorId,
          e.failure());
    } else {
      log.warn(
          "channel_monitor: decrypt api key failed for monitor {} ({}); it is listed with"
              + " keyDecryptFailed and not probed until it gets a key this key ring can read",
          monitorId,
          e.failure());
    }
  }

  void decrypted(long monitorId) {
    warned.remove(monitorId);
  }
}
