package io.channelmonitor.testkit.upstream;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for real LLM providers: an HTTP or HTTPS server on {@code 127.0.0.1} that speaks
 * OpenAI Chat Completions, OpenAI Responses, Anthropic Messages and Gemini, streaming and not, and
 * answers each request the way its model is scripted to: honestly by default, or slowly, wrongly,
 * with errors or broken streams. Made for tests of probes and checkers, in this library and in host
 * applications.
 *
 * <pre>{@code
 * try (FakeUpstream upstream = FakeUpstream.builder().https(true).build()) {
 *   upstream.script("gpt-slow", Behaviour.slowFirstToken(Duration.ofSeconds(2)))
 *       .script("gpt-liar", Behaviour.wrongAnswer())
 *       .script("gpt-flaky", Behaviour.rateLimited(1).then(Behaviour.honest()));
 *
 *   HttpClient client = HttpClient.newBuilder().sslContext(upstream.clientSslContext()).build();
 *   HttpRequest request =
 *       HttpRequest.newBuilder(URI.create(upstream.endpoint() + "/v1/chat/completions"))
 *           .header("Authorization", "Bearer sk-test")
 *           .POST(BodyPublishers.ofString(
 *               "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"...\"}]}"))
 *           .build();
 *   HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
 *   // an honest chat.completion; upstream.requests() holds what was sent
 * }
 * }</pre>
 *
 * <h2>Routes</h2>
 *
 * <ul>
 *   <li>{@code POST /v1/chat/completions}: OpenAI chat; key in {@code Authorization: Bearer ..}.
 *   <li>{@code POST /v1/responses}: OpenAI Responses; key in {@code Authorization: Bearer ..}.
 *   <li>{@code POST /v1/messages}: Anthropic; key in {@code x-api-key}, header {@code
 *       anthropic-version} required (400 without it).
 *   <li>{@code POST /v1beta/models/{model}:generateContent} and {@code
 *       :streamGenerateContent?alt=sse}: Gemini; key in {@code x-goog-api-key} (not the {@code key}
 *       query parameter); streaming without {@code alt=sse} is a 400.
 *   <li>{@code HEAD} on any path: 200 with no body, for pings.
 * </ul>
 *
 * <p>Everything sits below the builder's {@link Builder#basePath(String) base path} (none by
 * default). A missing key is a 401 with the provider's error JSON, as is any other key than the one
 * {@link #requireKey(String)} set; an unknown path is a 404, a known path with another method than
 * POST a 405, a body that is not a JSON object or names no model a 400. Answers are {@code
 * application/json}; streams are {@code text/event-stream}, chunked, each event flushed as it is
 * written, so clients can time the first token.
 *
 * <h2>Answers</h2>
 *
 * <p>The model comes from the body's {@code model} (OpenAI, Anthropic) or from the path (Gemini,
 * URL-decoded). Its script (see {@link #script(String, Behaviour)}), else the default script, else
 * {@link Behaviour#honest()} decides the answer. Honest answers solve the library's challenge
 * prompt (see {@link ChallengeSolver}): {@code Fox.}.
 *
 * <p>Thread-safe. {@link #close()} stops the server at once, also while handlers are stalled, and
 * returns once every thread of this server has ended.
 */
public final class FakeUpstream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FakeUpstream.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final boolean https;
  private final String basePath;
  private final TlsMaterial tls;
  private final SSLContext clientSslContext;
  private final ScriptBook scripts = new ScriptBook();
  private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
  private final AtomicReference<String> requiredKey;
  private final ServerThreads threads;
  private final ExecutorService executor;
  private final HttpServer server;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeUpstream(Builder builder) {
    this.https = builder.https;
    this.basePath = builder.basePath;
    this.tls = TlsMaterial.load();
    this.clientSslContext = tls.clientContext();
    this.requiredKey = new AtomicReference<>(builder.requiredKey);
    this.threads =
        new ServerThreads("fake-upstream@" + Integer.toHexString(System.identityHashCode(this)));
    this.executor = Executors.newCachedThreadPool(threads);
    UpstreamHandler handler =
        new UpstreamHandler(
            scripts, requests, requiredKey, basePath, new BehaviourPlayer(builder.maxStall));
    try {
      this.server = threads.callInGroup(() -> startServer(builder.port, handler));
    } catch (Exception e) {
      executor.shutdownNow();
      throw e instanceof IOException io
          ? new UncheckedIOException("fake upstream cannot listen", io)
          : new IllegalStateException("fake upstream cannot start", e);
    }
    this.port = server.getAddress().getPort();
    LOG.debug("fake upstream listening on {}", endpoint());
  }

  private HttpServer startServer(int port, UpstreamHandler handler) throws IOException {
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    HttpServer created;
    if (https) {
      HttpsServer secure = HttpsServer.create(address, 0);
      secure.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
      created = secure;
    } else {
      created = HttpServer.create(address, 0);
    }
    created.setExecutor(executor);
    created.createContext("/", handler);
    created.start();
    return created;
  }

  /** A builder: plain HTTP, a free port, no base path, any non-empty key. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a plain-HTTP fake on a free port; the same as {@code builder().build()}. */
  public static FakeUpstream start() {
    return builder().build();
  }

  /**
   * The origin plus the base path, without a trailing slash: {@code https://127.0.0.1:54321} or
   * {@code http://127.0.0.1:54321/relay}.
   */
  public String endpoint() {
    return (https ? "https" : "http") + "://127.0.0.1:" + port() + basePath;
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Whether the server speaks TLS. */
  public boolean https() {
    return https;
  }

  /**
   * A client TLS context that trusts the fake's self-signed certificate (and nothing else). The
   * certificate names {@code localhost}, {@code 127.0.0.1}, {@code ::1} and {@code fake.test}, so
   * hostname verification passes for {@link #endpoint()}.
   */
  public SSLContext clientSslContext() {
    return clientSslContext;
  }

  /** A new PKCS12 key store holding the fake's certificate as a trusted entry. */
  public KeyStore trustStore() {
    return tls.trustStore();
  }

  /** The fake's self-signed certificate. */
  public X509Certificate certificate() {
    return tls.certificate();
  }

  /**
   * Answers requests naming {@code model} with {@code behaviour} from now on; a sequence ({@link
   * Behaviour#then(Behaviour)}) starts at its first step.
   *
   * @return this fake, for chaining
   */
  public FakeUpstream script(String model, Behaviour behaviour) {
    scripts.script(model, behaviour);
    return this;
  }

  /**
   * Answers requests for models without a script of their own with {@code behaviour}; a sequence is
   * shared by all of them.
   *
   * @return this fake, for chaining
   */
  public FakeUpstream scriptDefault(Behaviour behaviour) {
    scripts.scriptDefault(behaviour);
    return this;
  }

  /**
   * Accepts only {@code key} from now on: any other key is a 401 (before any behaviour plays).
   * {@code null} accepts any non-empty key again.
   *
   * @return this fake, for chaining
   */
  public FakeUpstream requireKey(String key) {
    requiredKey.set(key);
    return this;
  }

  /**
   * Forgets the scripts, the default script and the recorded requests, so every model answers
   * honestly again. The required key stays.
   *
   * @return this fake, for chaining
   */
  public FakeUpstream reset() {
    scripts.clear();
    requests.clear();
    return this;
  }

  /** Every request received so far, in arrival order, pings and refused ones included. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  /**
   * Stops the server: closes the listener and every connection, interrupts handlers that wait
   * (stalls, delays) and returns once all of this server's threads have ended, or after a few
   * seconds at most. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
          || !threads.awaitEnd(CLOSE_WAIT)) {
        LOG.warn("fake upstream threads still alive after close: {}", threads.live());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.debug("fake upstream on port {} closed", port());
  }

  /** This server's threads that are alive, for tests of {@link #close()}. */
  List<Thread> liveThreads() {
    return threads.live();
  }

  @Override
  public String toString() {
    return "FakeUpstream[" + endpoint() + (closed.get() ? ", closed" : "") + "]";
  }

  /** Configures and starts a {@link FakeUpstream}. Not thread-safe. */
  public static final class Builder {
    private boolean https;
    private int port;
    private String requiredKey;
    private String basePath = "";
    private Duration maxStall = Duration.ofMinutes(5);

    private Builder() {}

    /** Serve HTTPS with the fake's self-signed certificate; plain HTTP by default. */
    public Builder https(boolean https) {
      this.https = https;
      return this;
    }

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Accept only {@code key}; see {@link FakeUpstream#requireKey(String)}. */
    public Builder requireKey(String key) {
      this.requiredKey = key;
      return this;
    }

    /**
     * Serve every route below {@code basePath}, like a relay with a path prefix: {@code "/relay"}
     * serves {@code /relay/v1/chat/completions}. Must start with {@code /} and not end with one; ""
     * (the default) for none.
     */
    public Builder basePath(String basePath) {
      Objects.requireNonNull(basePath, "basePath");
      if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
        throw new IllegalArgumentException("basePath must start and not end with /: " + basePath);
      }
      this.basePath = basePath;
      return this;
    }

    /**
     * How long {@link Behaviour#stall()} holds a request before dropping the connection (5 minutes
     * by default); {@link FakeUpstream#close()} ends stalls sooner.
     */
    public Builder maxStall(Duration maxStall) {
      Objects.requireNonNull(maxStall, "maxStall");
      if (maxStall.isNegative()) {
        throw new IllegalArgumentException("maxStall must not be negative");
      }
      this.maxStall = maxStall;
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public FakeUpstream build() {
      return new FakeUpstream(this);
    }
  }
}
