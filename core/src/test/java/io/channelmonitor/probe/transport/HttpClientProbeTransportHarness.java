package io.channelmonitor.probe;

import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.answering;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.config;
import static io.channelmonitor.probe.HttpClientProbeTransportFixtures.guard;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.ConnectSpy;
import io.channelmonitor.probe.HttpClientProbeTransportFixtures.Server;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfGuard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one transport test opens: transports that report to one {@link ConnectSpy}, and loopback
 * servers. Register it with {@code @RegisterExtension}: after each test it closes all of them, in
 * the order they were opened, then checks that no connect left loopback.
 */
final class HttpClientProbeTransportHarness implements AfterEachCallback {
  final ConnectSpy spy = new ConnectSpy();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** Closes {@code resource} after the test. */
  <T extends AutoCloseable> T closeLater(T resource) {
    toClose.add(resource);
    return resource;
  }

  HttpClientProbeTransport transport(SsrfGuard guard, ProbeTransportConfig config) {
    return closeLater(new HttpClientProbeTransport(guard, config, spy));
  }

  /** A transport whose resolver knows no name. */
  HttpClientProbeTransport transport(ProbeTransportConfig config) {
    return transport(guard(answering(Map.of())), config);
  }

  HttpClientProbeTransport transport() {
    return transport(config());
  }

  HttpClientProbeTransport transport(SsrfGuard guard) {
    return transport(guard, config());
  }

  HttpClientProbeTransport transport(HostResolver resolver) {
    return transport(guard(resolver));
  }

  Server server(HttpHandler handler) throws IOException {
    return closeLater(Server.start(handler));
  }

  HttpClientProbeTransportRawServer raw(HttpClientProbeTransportRawServer.Script script)
      throws IOException {
    return closeLater(new HttpClientProbeTransportRawServer(script));
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    assertThat(spy.sawNonLoopback()).isFalse();
  }
}
