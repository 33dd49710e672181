package io.channelmonitor.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.testkit.upstream.FakeUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Loopback only: the fake upstream listens on 127.0.0.1. */
class DemoTrustTest {
  @Test
  void theFakesSelfSignedCertificateIsTrustedOnlyWithTheDemoContext() throws Exception {
    try (FakeUpstream upstream = FakeUpstream.builder().https(true).build()) {
      SSLContext demo = DemoTrust.jvmDefaultsPlus(upstream.certificate());

      assertThat(head(upstream, demo).statusCode()).isEqualTo(200);
      assertThatThrownBy(() -> head(upstream, SSLContext.getDefault()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  private static HttpResponse<Void> head(FakeUpstream upstream, SSLContext context)
      throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(upstream.endpoint() + "/"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding());
  }
}
