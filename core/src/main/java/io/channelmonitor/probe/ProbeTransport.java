package io.channelmonitor.probe;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Sends probe requests. The default, {@link HttpClientProbeTransport}, is SSRF-proof at connect
 * time, follows no redirect, ignores JVM proxy settings and caps every body. One instance is shared
 * by all checks; it is thread-safe.
 */
public interface ProbeTransport extends AutoCloseable {
  /**
   * Sends {@code request} and lets {@code handler} read the response within {@code timeout},
   * counted from the start of the call and covering connect, headers and body.
   *
   * @throws ProbeException when there is no usable HTTP answer (a non-2xx answer is not an
   *     exception: the handler sees it), or when the handler's read fails: kind TIMEOUT once the
   *     deadline has passed, PROTOCOL otherwise
   * @throws IllegalStateException after {@link #close()}
   */
  <T> T exchange(ProbeRequest request, Duration timeout, ResponseHandler<T> handler)
      throws ProbeException;

  /**
   * Sends {@code HEAD origin} and returns the milliseconds until the status line arrived (any
   * status counts), or empty when the request failed or took longer than {@code timeout}.
   */
  OptionalLong ping(String origin, Duration timeout);

  /** Releases the connection pool and timers. */
  @Override
  void close();
}
