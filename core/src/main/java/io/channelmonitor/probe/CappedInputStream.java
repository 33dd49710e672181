package io.channelmonitor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A response body read through a byte cap and a deadline.
 *
 * <p>At the cap the stream ends: {@link #read()} returns -1 and {@link #truncated()} turns true if
 * the upstream had at least one more byte. Once the deadline has passed every read fails with an
 * {@code IOException}, even if bytes are buffered. {@link #reachedEnd()} tells whether the upstream
 * stream itself ended, which is when the connection may be reused; otherwise the transport closes
 * it instead of draining it. Not thread-safe (one reader, the response handler).
 */
final class CappedInputStream extends InputStream {
  private final InputStream upstream;
  private final long cap;
  private final long deadlineNanos;
  private long count;
  private boolean truncated;
  private boolean upstreamEnded;
  private boolean closed;

  /**
   * @param upstream the raw body
   * @param cap how many bytes the reader may see
   * @param deadlineNanos the {@link System#nanoTime()} value after which reads fail
   */
  CappedInputStream(InputStream upstream, long cap, long deadlineNanos) {
    this.upstream = Objects.requireNonNull(upstream, "upstream");
    if (cap < 0) {
      throw new IllegalArgumentException("cap must be >= 0: " + cap);
    }
    this.cap = cap;
    this.deadlineNanos = deadlineNanos;
  }

  /** Whether the body was cut at the cap. */
  boolean truncated() {
    return truncated;
  }

  /** Whether the upstream body was read to its end (not cut, not abandoned). */
  boolean reachedEnd() {
    return upstreamEnded;
  }

  /** How many bytes the reader has seen. */
  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    checkUsable();
    if (upstreamEnded || truncated) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    if (count >= cap) {
      probeBeyondCap();
      return -1;
    }
    int wanted = (int) Math.min(length, cap - count);
    int n = upstreamRead(buffer, offset, wanted);
    if (n < 0) {
      upstreamEnded = true;
      return -1;
    }
    count += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping goes through read so the cap and the deadline hold for skipped bytes too.
    if (n <= 0) {
      return 0;
    }
    byte[] scratch = new byte[(int) Math.min(n, 2048)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public int available() throws IOException {
    checkUsable();
    if (upstreamEnded || truncated) {
      return 0;
    }
    return (int) Math.min(upstream.available(), cap - count);
  }

  /** Marks the stream closed; the transport, not the reader, decides what happens upstream. */
  @Override
  public void close() {
    closed = true;
  }

  private void probeBeyondCap() throws IOException {
    // One more byte tells a body of exactly cap bytes from a longer one.
    byte[] one = new byte[1];
    int n;
    do {
      n = upstreamRead(one, 0, 1);
    } while (n == 0);
    if (n < 0) {
      upstreamEnded = true;
    } else {
      truncated = true;
    }
  }

  private int upstreamRead(byte[] buffer, int offset, int length) throws IOException {
    try {
      return upstream.read(buffer, offset, length);
    } catch (IOException e) {
      if (expired()) {
        throw deadlinePassed(e);
      }
      throw e;
    }
  }

  private void checkUsable() throws IOException {
    if (closed) {
      throw new IOException("response body is closed");
    }
    if (expired()) {
      throw deadlinePassed(null);
    }
  }

  private boolean expired() {
    return System.nanoTime() - deadlineNanos >= 0;
  }

  private static IOException deadlinePassed(IOException cause) {
    IOException e = new IOException("request deadline passed");
    if (cause != null) {
      e.initCause(cause);
    }
    return e;
  }
}
