package io.channelmonitor.probe;

import io.channelmonitor.FailureKind;
import io.channelmonitor.ssrf.SsrfGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ProbeTransport}: Apache HttpClient 5 (classic) with one connection pool,
 * guarded against SSRF at connect time (security.md 0, 3.5, 4).
 *
 * <ul>
 *   <li>Every host, IP literals included, is resolved once per connection through {@link
 *       SsrfGuard#resolveForConnect(String)}; a host with any blocked answer is refused as a whole.
 *       Every socket re-checks the exact address it connects to with {@link
 *       SsrfGuard#checkConnect(java.net.InetSocketAddress)}.
 *   <li>No proxy (the JVM's proxy settings are ignored), no redirects (a 3xx goes to the handler
 *       like any status), no retries, no cookies, no decompression ({@code Accept-Encoding:
 *       identity} is always sent), TLS hostname verification on. Plain {@code http} only if the
 *       guard's policy allows it.
 *   <li>One deadline per call covers name lookup, connect, headers and body: a lookup waits at most
 *       the time left (and the policy's resolve timeout), a daemon thread ({@code
 *       channel-monitor-deadline}) cancels the request when it passes, the socket timeout is set to
 *       the time left, and body reads fail after it.
 *   <li>The handler sees the body through a byte cap ({@link
 *       ProbeTransportConfig#maxResponseBytes()}): at the cap the stream ends and {@link
 *       ProbeResponse#truncated()} turns true. A body not read to its end is not drained: its
 *       connection is closed.
 * </ul>
 *
 * <p>Request headers named {@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code
 * Connection}, {@code Keep-Alive}, {@code Upgrade}, {@code TE}, {@code Trailer}, {@code Expect},
 * {@code Proxy-Connection}, {@code Content-Encoding} and {@code Accept-Encoding} are dropped: the
 * transport owns framing and routing. {@code User-Agent} is the configured one unless the request
 * sets its own. Exception messages never carry a header value or a resolved address. Thread-safe.
 */
public final class HttpClientProbeTransport implements ProbeTransport {
  private static final Logger LOG = LoggerFactory.getLogger(HttpClientProbeTransport.class);

  private static final Set<String> DROPPED_HEADERS =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "upgrade",
          "te",
          "trailer",
          "expect",
          "proxy-connection",
          "content-encoding",
          "accept-encoding");
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final int PING_DISCARD_BYTES = 1024;
  private static final long MAX_BUDGET_NANOS = TimeUnit.DAYS.toNanos(1);

  private final SsrfGuard guard;
  private final ProbeTransportConfig config;
  private final CloseableHttpClient client;
  private final DeadlineTimer timer = new DeadlineTimer();
  private final CallDeadlines deadlines = new CallDeadlines();
  private final Object closeLock = new Object();
  private volatile boolean closed;

  /**
   * @param guard the SSRF guard every connection goes through
   * @param config timeouts, pool size, body cap, trust material and User-Agent
   */
  public HttpClientProbeTransport(SsrfGuard guard, ProbeTransportConfig config) {
    this(guard, config, GuardedSocketFactory.ConnectHook.NONE);
  }

  /** As the public constructor, with a hook that sees every connect the guard let through. */
  HttpClientProbeTransport(
      SsrfGuard guard, ProbeTransportConfig config, GuardedSocketFactory.ConnectHook hook) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.config = Objects.requireNonNull(config, "config");
    this.client =
        HttpClientFactory.client(HttpClientFactory.pool(guard, config, hook, deadlines), config);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A zero or negative timeout fails at once with kind TIMEOUT.
   *
   * @throws IllegalStateException when the transport is closed
   */
  @Override
  public <T> T exchange(ProbeRequest request, Duration timeout, ResponseHandler<T> handler)
      throws ProbeException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(handler, "handler");
    long start = System.nanoTime();
    ensureOpen();
    long budget = budgetNanos(timeout);
    long timeoutMillis = TimeUnit.NANOSECONDS.toMillis(budget);
    if (budget <= 0) {
      throw HttpClientFailures.timeout(timeoutMillis);
    }
    Call call = new Call(request, start + budget, timeoutMillis);
    HttpUriRequestBase httpRequest = toHttpRequest(request, budget);
    call.expiry = timer.schedule(httpRequest::cancel, call.deadlineNanos - System.nanoTime());
    CallDeadlines.Scope scope = deadlines.enter(call.deadlineNanos);
    try {
      return send(call, httpRequest, handler);
    } finally {
      scope.close();
      call.expiry.cancel();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Goes through the same guards as {@link #exchange}. Reads and discards at most 1 KiB.
   */
  @Override
  public OptionalLong ping(String origin, Duration timeout) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(timeout, "timeout");
    long start = System.nanoTime();
    ProbeRequest head = new ProbeRequest("HEAD", origin, Map.of(), null);
    try {
      long elapsed =
          exchange(
              head,
              timeout,
              response -> {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                discard(response.body());
                return millis;
              });
      return OptionalLong.of(elapsed);
    } catch (ProbeException e) {
      LOG.debug("Ping failed: kind={}", e.kind());
      return OptionalLong.empty();
    } catch (IllegalStateException e) {
      LOG.debug("Ping skipped: transport is closed");
      return OptionalLong.empty();
    }
  }

  /**
   * Closes the client and its pool (aborting requests in flight) and stops the deadline thread;
   * when this returns no thread of the transport is alive. Idempotent.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        client.close(CloseMode.IMMEDIATE);
      } finally {
        timer.close();
      }
    }
  }

  private <T> T send(Call call, HttpUriRequestBase httpRequest, ResponseHandler<T> handler)
      throws ProbeException {
    ClassicHttpResponse response;
    try {
      response = client.executeOpen(null, httpRequest, HttpClientContext.create());
    } catch (IOException e) {
      throw logged(HttpClientFailures.ofSend(e, call.expired(), call.timeoutMillis), e);
    } catch (CancellationException e) {
      // The deadline cancelled the request while it waited for a pooled connection.
      IOException aborted = new InterruptedIOException("request cancelled");
      aborted.initCause(e);
      throw logged(HttpClientFailures.ofSend(aborted, call.expired(), call.timeoutMillis), e);
    }
    HttpClientProbeResponse probeResponse =
        new HttpClientProbeResponse(response, config.maxResponseBytes(), call.deadlineNanos);
    try {
      if (call.expired()) {
        throw logged(HttpClientFailures.timeout(call.timeoutMillis), null);
      }
      return handler.handle(probeResponse);
    } catch (IOException e) {
      ProbeException failure =
          HttpClientFailures.ofHandler(
              e, call.expired(), call.timeoutMillis, call.request.headers().values());
      throw logged(failure, e);
    } finally {
      release(httpRequest, response, probeResponse);
    }
  }

  private static void release(
      HttpUriRequestBase httpRequest,
      ClassicHttpResponse response,
      HttpClientProbeResponse probeResponse) {
    boolean reusable = probeResponse.fullyConsumed();
    if (!reusable) {
      // Closes the connection at once: the rest of a capped or abandoned body is never drained.
      httpRequest.cancel();
    }
    if (!reusable && response instanceof ModalCloseable) {
      ((ModalCloseable) response).close(CloseMode.IMMEDIATE);
      return;
    }
    try {
      response.close();
    } catch (IOException e) {
      LOG.debug("Closing a probe response failed: {}", e.getClass().getName());
    }
  }

  private HttpUriRequestBase toHttpRequest(ProbeRequest request, long budgetNanos)
      throws ProbeException {
    String method = request.method().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new ProbeException(FailureKind.INTERNAL, "unsupported request method");
    }
    HttpUriRequestBase httpRequest = new HttpUriRequestBase(method, checkedUri(request.url()));
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      String name = header.getKey();
      String value = header.getValue();
      if (!HttpClientHeaders.validName(name) || !HttpClientHeaders.validValue(value)) {
        throw new ProbeException(FailureKind.INTERNAL, "invalid request header");
      }
      if (!DROPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        httpRequest.addHeader(name, value);
      }
    }
    httpRequest.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
    if (request.body() != null) {
      httpRequest.setEntity(new ByteArrayEntity(request.body(), null));
    }
    Timeout left = Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(budgetNanos)));
    httpRequest.setConfig(
        HttpClientFactory.baseRequestConfig()
            .setConnectionRequestTimeout(left)
            .setResponseTimeout(left)
            .build());
    return httpRequest;
  }

  private URI checkedUri(String url) throws ProbeException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ProbeException(FailureKind.INTERNAL, "invalid request URL");
    }
    if (!uri.isAbsolute()
        || uri.isOpaque()
        || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      throw new ProbeException(FailureKind.INTERNAL, "invalid request URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean allowed =
        scheme.equals("https") || (scheme.equals("http") && guard.policy().allowInsecureHttp());
    if (!allowed) {
      throw new ProbeException(FailureKind.BLOCKED, HttpClientFailures.BLOCKED);
    }
    return uri;
  }

  private void ensureOpen() {
    if (closed || timer.isClosed()) {
      throw new IllegalStateException("transport is closed");
    }
  }

  /** The timeout in nanoseconds, 0 when not positive, at most one day. */
  private static long budgetNanos(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      return 0;
    }
    try {
      return Math.min(timeout.toNanos(), MAX_BUDGET_NANOS);
    } catch (ArithmeticException e) {
      return MAX_BUDGET_NANOS;
    }
  }

  private static void discard(InputStream body) {
    try {
      body.readNBytes(PING_DISCARD_BYTES);
    } catch (IOException e) {
      // The head arrived, which is all a ping measures.
      LOG.trace("Ping body read failed: {}", e.getClass().getName());
    }
  }

  private static ProbeException logged(ProbeException failure, Exception cause) {
    LOG.debug(
        "Probe request failed: kind={}, message={}, cause={}",
        failure.kind(),
        failure.getMessage(),
        cause == null ? "none" : cause.getClass().getName());
    return failure;
  }

  /** The state of one call. */
  private static final class Call {
    final ProbeRequest request;
    final long deadlineNanos;
    final long timeoutMillis;
    DeadlineTimer.Deadline expiry;

    Call(ProbeRequest request, long deadlineNanos, long timeoutMillis) {
      this.request = request;
      this.deadlineNanos = deadlineNanos;
      this.timeoutMillis = timeoutMillis;
    }

    boolean expired() {
      return expiry.fired() || System.nanoTime() - deadlineNanos >= 0;
    }
  }
}
