package io.channelmonitor.ssrf;

/**
 * A canonical endpoint as accepted by {@link SsrfGuard#checkEndpoint(String)}.
 *
 * @param scheme {@code https}, or {@code http} when the policy allows it
 * @param host the lower-case host name or IPv4 literal, or an IPv6 literal in brackets
 * @param port the port given in the URL, or {@code -1} when none was given
 * @param basePath {@code ""} or a path such as {@code /v1}, without a trailing slash
 */
public record Endpoint(String scheme, String host, int port, String basePath) {
  private static final int MAX_PORT = 65535;

  /**
   * @throws IllegalArgumentException when a component is out of its canonical shape
   */
  public Endpoint {
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException("scheme must be https or http");
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("host must not be empty");
    }
    if (port != -1 && (port < 1 || port > MAX_PORT)) {
      throw new IllegalArgumentException("port must be -1 or 1-65535");
    }
    if (basePath == null
        || (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/")))) {
      throw new IllegalArgumentException("basePath must be empty or start but not end with /");
    }
  }

  /** {@code scheme://host[:port]}. */
  public String origin() {
    return port == -1 ? scheme + "://" + host : scheme + "://" + host + ":" + port;
  }

  /** {@code scheme://host[:port]basePath}, without a trailing slash. */
  public String url() {
    return origin() + basePath;
  }

  /** The same as {@link #url()}. */
  @Override
  public String toString() {
    return url();
  }
}
