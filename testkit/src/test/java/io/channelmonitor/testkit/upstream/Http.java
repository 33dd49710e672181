package io.channelmonitor.testkit.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

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

  /**
   * Sends and records the whole exchange, keeping every byte that arrived even when the connection
   * breaks (the JDK's InputStream body may drop buffered bytes when an error follows them).
   */
  Exchange exchange(HttpRequest request) {
    return start(request).done().join();
  }

  /** Sends without waiting; the recorder tells when the headers and the body are in. */
  Recorder start(HttpRequest request) {
    Recorder recorder = new Recorder(System.nanoTime());
    client.sendAsync(request, recorder::onHeaders).whenComplete(recorder::onSent);
    return recorder;
  }

  /**
   * A recorded exchange.
   *
   * @param status the status code
   * @param headers the response headers
   * @param headersMillis when the headers arrived, from the start
   * @param text the body bytes that arrived, as UTF-8
   * @param firstByteMillis when the first body byte arrived, -1 when none did
   * @param totalMillis when the body ended or broke
   * @param broken whether the connection broke before the body's proper end
   */
  record Exchange(
      int status,
      HttpHeaders headers,
      long headersMillis,
      String text,
      long firstByteMillis,
      long totalMillis,
      boolean broken) {

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** Records one exchange as it happens. */
  static final class Recorder implements Flow.Subscriber<List<ByteBuffer>> {
    private final long start;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
    private final CompletableFuture<Exchange> done = new CompletableFuture<>();
    private volatile long headersMillis = -1;
    private volatile long firstByteMillis = -1;

    Recorder(long start) {
      this.start = start;
    }

    CompletableFuture<HttpResponse.ResponseInfo> headers() {
      return headers;
    }

    CompletableFuture<Exchange> done() {
      return done;
    }

    HttpResponse.BodySubscriber<Void> onHeaders(HttpResponse.ResponseInfo info) {
      headersMillis = millis();
      headers.complete(info);
      return HttpResponse.BodySubscribers.fromSubscriber(this);
    }

    void onSent(HttpResponse<Void> response, Throwable failure) {
      if (!headers.isDone()) {
        headers.completeExceptionally(failure);
        done.completeExceptionally(failure);
      } else {
        finish(failure != null);
      }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      synchronized (bytes) {
        for (ByteBuffer buffer : buffers) {
          if (buffer.hasRemaining() && firstByteMillis < 0) {
            firstByteMillis = millis();
          }
          byte[] chunk = new byte[buffer.remaining()];
          buffer.get(chunk);
          bytes.writeBytes(chunk);
        }
      }
    }

    @Override
    public void onError(Throwable failure) {
      finish(true);
    }

    @Override
    public void onComplete() {
      finish(false);
    }

    private void finish(boolean broken) {
      if (done.isDone()) {
        return;
      }
      HttpResponse.ResponseInfo info = headers.join();
      String text;
      synchronized (bytes) {
        text = bytes.toString(StandardCharsets.UTF_8);
      }
      done.complete(
          new Exchange(
              info.statusCode(),
              info.headers(),
              headersMillis,
              text,
              firstByteMillis,
              millis(),
              broken));
    }

    private long millis() {
      return (System.nanoTime() - start) / 1_000_000;
    }
  }
}
