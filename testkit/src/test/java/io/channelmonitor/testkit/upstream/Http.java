package io.channelmonitor.testkit.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A JDK HTTP client for one fake, trusting its certificate; HTTP/1.1 only. */
final class Http {
  private final HttpClient client;

  Http(FakeUpstream upstream) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(upstream.clientSslContext())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends and returns as soon as the headers are in. */
  HttpResponse<InputStream> open(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads a body to its end, noting when the first byte came and whether the connection broke. */
  static Read read(InputStream body, long startNanos) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long firstByteNanos = -1;
    boolean broken = false;
    byte[] buffer = new byte[8192];
    try (body) {
      int n;
      while ((n = body.read(buffer)) >= 0) {
        if (firstByteNanos < 0 && n > 0) {
          firstByteNanos = System.nanoTime();
        }
        bytes.write(buffer, 0, n);
      }
    } catch (IOException e) {
      broken = true;
    }
    long end = System.nanoTime();
    return new Read(
        bytes.toString(StandardCharsets.UTF_8),
        firstByteNanos < 0 ? -1 : (firstByteNanos - startNanos) / 1_000_000,
        (end - startNanos) / 1_000_000,
        broken);
  }

  /**
   * A body read to its end.
   *
   * @param text the bytes that arrived, as UTF-8
   * @param firstByteMillis when the first byte arrived, -1 when none did
   * @param totalMillis when the body ended
   * @param broken whether the connection broke before the body's proper end
   */
  record Read(String text, long firstByteMillis, long totalMillis, boolean broken) {}
}
