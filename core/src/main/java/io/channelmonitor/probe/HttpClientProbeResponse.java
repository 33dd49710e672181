package io.channelmonitor.probe;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A {@link ProbeResponse} over an open HttpClient response. The body is opened on first use and
 * read through a {@link CappedInputStream}. Used by one handler on one thread.
 */
final class HttpClientProbeResponse implements ProbeResponse {
  private final ClassicHttpResponse response;
  private final long cap;
  private final long deadlineNanos;
  private InputStream body;
  private CappedInputStream capped;

  HttpClientProbeResponse(ClassicHttpResponse response, long cap, long deadlineNanos) {
    this.response = Objects.requireNonNull(response, "response");
    this.cap = cap;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public int status() {
    return response.getCode();
  }

  @Override
  public Optional<String> header(String name) {
    Header header = response.getFirstHeader(Objects.requireNonNull(name, "name"));
    return header == null ? Optional.empty() : Optional.ofNullable(header.getValue());
  }

  @Override
  public InputStream body() {
    if (body == null) {
      body = open();
    }
    return body;
  }

  @Override
  public boolean truncated() {
    return capped != null && capped.truncated();
  }

  /**
   * Whether the connection can go back to the pool as is: there was no body, or it was read to its
   * end. Otherwise it must be closed, not drained.
   */
  boolean fullyConsumed() {
    HttpEntity entity = response.getEntity();
    if (entity == null || !entity.isStreaming()) {
      return true;
    }
    return capped != null && capped.reachedEnd();
  }

  private InputStream open() {
    HttpEntity entity = response.getEntity();
    InputStream raw = null;
    if (entity != null) {
      try {
        raw = entity.getContent();
      } catch (IOException e) {
        return new FailingInputStream(e);
      }
    }
    if (raw == null) {
      raw = InputStream.nullInputStream();
    }
    capped = new CappedInputStream(raw, cap, deadlineNanos);
    return capped;
  }

  /** A body whose opening failed: every read reports that failure. */
  private static final class FailingInputStream extends InputStream {
    private final IOException failure;

    FailingInputStream(IOException failure) {
      this.failure = failure;
    }

    @Override
    public int read() throws IOException {
      throw new IOException(failure.getMessage(), failure);
    }
  }
}
