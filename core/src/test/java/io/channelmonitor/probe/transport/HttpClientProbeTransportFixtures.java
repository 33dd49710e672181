package io.channelmonitor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.channelmonitor.FailureKind;
import io.channelmonitor.ssrf.HostResolver;
import io.channelmonitor.ssrf.SsrfGuard;
import io.channelmonitor.ssrf.SsrfPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test helpers for the HttpClient transport: loopback servers, fake resolvers and a connect spy.
 * Nothing here resolves a real name or contacts a non-loopback address.
 */
final class HttpClientProbeTransportFixtures {
  static final char[] STORE_PASSWORD = "changeit".toCharArray();

  /** The deadline of an exchange that is expected to end well before it. */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private HttpClientProbeTransportFixtures() {}

  /** A policy opening loopback (v4 and v6) and plain http, as tests need. */
  static SsrfPolicy loopbackPolicy() {
    return SsrfPolicy.builder()
        .allowCidr("127.0.0.0/8")
        .allowCidr("::1/128")
        .allowInsecureHttp(true)
        .build();
  }

  static SsrfGuard guard(HostResolver resolver) {
    return new SsrfGuard(loopbackPolicy(), resolver);
  }

  static ProbeTransportConfig config() {
    return ProbeTransportConfig.defaults().withConnectTimeout(Duration.ofSeconds(2));
  }

  static ProbeRequest get(String url) {
    return new ProbeRequest("GET", url, Map.of(), null);
  }

  /** A loopback port that was just open and is closed now: connects to it are refused. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Requires a {@link ProbeException} of {@code kind} with exactly {@code message}. */
  static Consumer<ProbeException> kindAndMessage(FailureKind kind, String message) {
    return e -> {
      assertThat(e.kind()).isEqualTo(kind);
      assertThat(e.getMessage()).isEqualTo(message);
    };
  }

  /** An address from a dotted quad or {@code ::1}, parsed by hand: never a DNS query. */
  static InetAddress ip(String host, String literal) {
    byte[] bytes;
    if (literal.equals("::1")) {
      bytes = new byte[16];
      bytes[15] = 1;
    } else {
      String[] parts = literal.split("\\.");
      assertThat(parts).hasSize(4);
      bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
    }
    try {
      return InetAddress.getByAddress(host, bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A resolver answering only the names in {@code answers}; any other name does not resolve. */
  static HostResolver answering(Map<String, List<String>> answers) {
    return host -> {
      List<String> literals = answers.get(host);
      if (literals == null) {
        throw new UnknownHostException("no such test host");
      }
      List<InetAddress> out = new ArrayList<>();
      for (String literal : literals) {
        out.add(ip(host, literal));
      }
      return out;
    };
  }

  /** A resolver answering each call with the next of {@code rounds} (the last one repeats). */
  static final class Scripted implements HostResolver {
    final AtomicInteger calls = new AtomicInteger();
    private final List<List<String>> rounds;

    Scripted(List<List<String>> rounds) {
      this.rounds = rounds;
    }

    @Override
    public List<InetAddress> resolve(String host) {
      int call = calls.getAndIncrement();
      List<String> round = rounds.get(Math.min(call, rounds.size() - 1));
      return round.stream().map(literal -> ip(host, literal)).collect(Collectors.toList());
    }
  }

  /** Sees every connect the guard let through and refuses anything that is not loopback. */
  static final class ConnectSpy implements GuardedSocketFactory.ConnectHook {
    final List<InetSocketAddress> seen = new CopyOnWriteArrayList<>();

    @Override
    public void beforeConnect(InetSocketAddress address) throws IOException {
      seen.add(address);
      if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
        throw new IOException("test safety net: non-loopback connect refused");
      }
    }

    boolean sawNonLoopback() {
      return seen.stream().anyMatch(a -> !a.getAddress().isLoopbackAddress());
    }
  }

  /** An HTTP server on 127.0.0.1 (or another loopback address) with daemon handler threads. */
  static final class Server implements AutoCloseable {
    final HttpServer http;
    final AtomicInteger hits = new AtomicInteger();
    private final ExecutorService executor;

    private Server(HttpServer http) {
      this.http = http;
      this.executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "test-http-server");
                t.setDaemon(true);
                return t;
              });
      http.setExecutor(executor);
    }

    static Server start(HttpHandler handler) throws IOException {
      return start(InetAddress.getLoopbackAddress(), handler);
    }

    static Server start(InetAddress bind, HttpHandler handler) throws IOException {
      Server server = new Server(HttpServer.create(new InetSocketAddress(bind, 0), 0));
      server.route(handler);
      server.http.start();
      return server;
    }

    static Server startTls(SSLContext context, HttpHandler handler) throws IOException {
      HttpsServer https =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(context));
      Server server = new Server(https);
      server.route(handler);
      server.http.start();
      return server;
    }

    private void route(HttpHandler handler) {
      http.createContext(
          "/",
          exchange -> {
            hits.incrementAndGet();
            try (exchange) {
              handler.handle(exchange);
            }
          });
    }

    int port() {
      return http.getAddress().getPort();
    }

    String url(String path) {
      return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
      http.stop(0);
      executor.shutdownNow();
    }
  }

  /** Answers with {@code status} and {@code body}; the request body is read first. */
  static HttpHandler respond(int status, String body) {
    return exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    };
  }

  /** Sends 200 and then an endless chunked body until the client goes away. */
  static HttpHandler endlessBody() {
    return exchange -> {
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try (OutputStream out = exchange.getResponseBody()) {
        while (true) {
          out.write(chunk);
        }
      } catch (IOException expected) {
        // the client closed the connection
      }
    };
  }

  /** Reads the whole body as UTF-8. */
  static String text(ProbeResponse response) throws IOException {
    try (InputStream in = response.body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The first value of a request header the server saw. */
  static String requestHeader(HttpExchange exchange, String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The server identity from the committed test keystore. */
  static KeyStore serverStore() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        HttpClientProbeTransportFixtures.class.getResourceAsStream("/transport/test-server.p12")) {
      assertThat(in).as("test keystore").isNotNull();
      store.load(in, STORE_PASSWORD);
    }
    return store;
  }

  static SSLContext serverTls() throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(serverStore(), STORE_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** A client context trusting exactly the test server's self-signed certificate. */
  static SSLContext clientTrust() throws Exception {
    Certificate certificate = serverStore().getCertificate("test");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("test-server", certificate);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
