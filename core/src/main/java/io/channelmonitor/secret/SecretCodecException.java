package io.channelmonitor.secret;

import io.channelmonitor.ChannelMonitorException;
import io.channelmonitor.Reason;

/** A stored secret could not be decrypted. The message names the cause, never a secret byte. */
public class SecretCodecException extends ChannelMonitorException {
  private static final long serialVersionUID = 1L;

  /** Why decryption failed. */
  public enum Cause {
    /** Not an envelope of a known shape. */
    MALFORMED,
    /** A format version this codec does not read. */
    UNSUPPORTED_VERSION,
    /** The key ring holds no key with the envelope's key id. */
    UNKNOWN_KEY_ID,
    /** Authentication failed: tampered data or the wrong key. */
    AUTHENTICATION_FAILED
  }

  private final Cause failure;

  public SecretCodecException(Cause failure, String message) {
    super(Reason.CHANNEL_MONITOR_KEY_DECRYPT_FAILED, message);
    this.failure = failure;
  }

  public Cause failure() {
    return failure;
  }
}
