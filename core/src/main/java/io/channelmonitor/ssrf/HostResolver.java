package io.channelmonitor.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The {@link SsrfGuard} calls it once per check and classifies
 * every answer; tests pass a fake so that no real name is ever resolved.
 */
@FunctionalInterface
public interface HostResolver {
  /**
   * All addresses of {@code host} (a lower-case DNS name, never an IP literal when called by the
   * guard).
   *
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> resolve(String host) throws UnknownHostException;

  /** The JVM's resolver, {@link InetAddress#getAllByName(String)}, with its cache settings. */
  static HostResolver system() {
    return host -> {
      // getAllByName answers an empty name with the loopback address: never ask it that.
      if (host == null || host.isBlank()) {
        throw new UnknownHostException("empty host name");
      }
      return List.of(InetAddress.getAllByName(host));
    };
  }
}
