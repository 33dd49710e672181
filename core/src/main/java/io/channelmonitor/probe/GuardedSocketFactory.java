package io.channelmonitor.probe;

import io.channelmonitor.Reason;
import io.channelmonitor.ssrf.SsrfBlockedException;
import io.channelmonitor.ssrf.SsrfGuard;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Objects;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * The last line of the SSRF defence: every socket HttpClient opens is a {@link GuardedSocket} which
 * re-checks the exact address in {@code connect} with {@link
 * SsrfGuard#checkConnect(InetSocketAddress)} and refuses unresolved addresses. Sockets never use a
 * proxy, whatever the JVM's {@code socksProxyHost} or default {@code ProxySelector} say.
 * Thread-safe.
 */
final class GuardedSocketFactory implements DetachedSocketFactory {
  /**
   * Sees every connect attempt the guard let through, just before the socket connects. Production
   * uses {@link #NONE}; tests spy and refuse anything but loopback.
   */
  @FunctionalInterface
  interface ConnectHook {
    ConnectHook NONE = address -> {};

    /**
     * @throws IOException to refuse the connection
     */
    void beforeConnect(InetSocketAddress address) throws IOException;
  }

  private final SsrfGuard guard;
  private final ConnectHook hook;

  GuardedSocketFactory(SsrfGuard guard, ConnectHook hook) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.hook = Objects.requireNonNull(hook, "hook");
  }

  /**
   * @param proxy ignored unless it is a real proxy, which is refused: the transport never uses one
   */
  @Override
  public Socket create(Proxy proxy) throws IOException {
    if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
      throw new SsrfBlockedException(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
    }
    return new GuardedSocket(guard, hook);
  }

  /** A plain socket that checks its destination before connecting. */
  static final class GuardedSocket extends Socket {
    private final SsrfGuard guard;
    private final ConnectHook hook;

    GuardedSocket(SsrfGuard guard, ConnectHook hook) {
      // NO_PROXY: a socket made with the no-argument constructor would honour socksProxyHost.
      super(Proxy.NO_PROXY);
      this.guard = guard;
      this.hook = hook;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress)) {
        throw new SsrfBlockedException(Reason.CHANNEL_MONITOR_ENDPOINT_PRIVATE);
      }
      InetSocketAddress address = (InetSocketAddress) endpoint;
      guard.checkConnect(address);
      hook.beforeConnect(address);
      super.connect(address, timeout);
    }
  }
}
