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

  AbortConnection(String reason) {
    super(reason);
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
