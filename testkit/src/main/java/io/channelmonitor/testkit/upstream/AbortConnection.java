package io.channelmonitor.testkit.upstream;

import java.io.IOException;
import java.time.Duration;

/**
 * Thrown out of the HTTP handler to make the JDK server drop the connection without finishing the
 * response: a chunked body gets no last chunk, a fixed-length body stays short. Also thrown when
 * the server closes while a handler waits.
 */
final class AbortConnection extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * How long a deliberate drop waits after the last bytes. Without it a client may learn of the
   * broken connection before it has read them (the JDK client's InputStream body then throws and
   * loses what it had buffered), and the one delta a truncated stream promises would vanish.
   */
  static final Duration LINGER = Duration.ofMillis(100);

  AbortConnection(String reason) {
    super(reason);
  }

  /** An abort to throw once the last bytes have had {@link #LINGER} to reach the client. */
  static AbortConnection afterLinger(String reason) throws AbortConnection {
    pause(LINGER);
    return new AbortConnection(reason);
  }

  /** Waits {@code delay}; an interrupt (the server closing) aborts the connection. */
  static void pause(Duration delay) throws AbortConnection {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AbortConnection("interrupted while waiting");
    }
  }
}
