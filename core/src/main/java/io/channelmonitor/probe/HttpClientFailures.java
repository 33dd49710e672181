package io.channelmonitor.probe;

import io.channelmonitor.FailureKind;
import io.channelmonitor.Reason;
import io.channelmonitor.ssrf.SsrfBlockedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns HttpClient failures into {@link ProbeException}s with short, fixed messages. No message
 * built here carries a resolved address, a header value or text taken from the upstream, except the
 * handler's own message, which is scrubbed of the request's header values.
 */
final class HttpClientFailures {
  static final String BLOCKED = "blocked by SSRF policy";
  static final String UNRESOLVED = "host could not be resolved";
  static final String CONNECT_TIMEOUT = "connect timed out";
  static final String REFUSED = "connection refused";
  static final String NO_ROUTE = "no route to host";
  static final String CONNECT_FAILED = "connection failed";
  static final String TLS_UNTRUSTED = "TLS certificate not trusted";
  static final String TLS_NAME_MISMATCH = "TLS certificate does not match the host name";
  static final String TLS_REJECTED = "TLS certificate rejected";
  static final String TLS_FAILED = "TLS handshake failed";
  static final String NO_RESPONSE = "server closed the connection without a response";
  static final String CLOSED_EARLY = "connection closed before the response was complete";
  static final String INVALID_RESPONSE = "invalid HTTP response";
  static final String REQUEST_FAILED = "request failed";

  private static final int MAX_MESSAGE = 300;
  private static final int MIN_SECRET = 6;
  private static final String MASK = "***";

  private HttpClientFailures() {}

  static ProbeException timeout(long timeoutMillis) {
    return new ProbeException(
        FailureKind.TIMEOUT, "request timed out after " + timeoutMillis + " ms");
  }

  /** A failure before the response head arrived: connect, TLS, sending, waiting for headers. */
  static ProbeException ofSend(IOException failure, boolean expired, long timeoutMillis) {
    SsrfBlockedException blocked = find(failure, SsrfBlockedException.class);
    if (blocked != null && blocked.reason() != Reason.CHANNEL_MONITOR_ENDPOINT_UNREACHABLE) {
      return new ProbeException(FailureKind.BLOCKED, BLOCKED);
    }
    if (blocked != null) {
      // A lookup cut short by the call's deadline is the deadline's doing, not the name's.
      return expired ? timeout(timeoutMillis) : new ProbeException(FailureKind.CONNECT, UNRESOLVED);
    }
    if (expired) {
      return timeout(timeoutMillis);
    }
    if (find(failure, SSLException.class) != null) {
      return new ProbeException(FailureKind.TLS, tlsMessage(failure));
    }
    if (find(failure, UnknownHostException.class) != null) {
      return new ProbeException(FailureKind.CONNECT, UNRESOLVED);
    }
    if (find(failure, ConnectTimeoutException.class) != null) {
      return new ProbeException(FailureKind.TIMEOUT, CONNECT_TIMEOUT);
    }
    if (find(failure, ConnectionRequestTimeoutException.class) != null
        || find(failure, SocketTimeoutException.class) != null) {
      return timeout(timeoutMillis);
    }
    return new ProbeException(kindOf(failure), messageOf(failure));
  }

  /** A failure while the handler read the response. */
  static ProbeException ofHandler(
      IOException failure, boolean expired, long timeoutMillis, Collection<String> secrets) {
    if (expired || find(failure, SocketTimeoutException.class) != null) {
      return timeout(timeoutMillis);
    }
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getClass().getSimpleName();
    }
    return new ProbeException(FailureKind.PROTOCOL, shorten(scrub(message, secrets)));
  }

  private static FailureKind kindOf(IOException failure) {
    if (find(failure, ConnectException.class) != null
        || find(failure, NoRouteToHostException.class) != null) {
      return FailureKind.CONNECT;
    }
    if (find(failure, NoHttpResponseException.class) != null
        || find(failure, ConnectionClosedException.class) != null
        || find(failure, ClientProtocolException.class) != null
        || find(failure, MessageConstraintException.class) != null) {
      return FailureKind.PROTOCOL;
    }
    return find(failure, SocketException.class) != null
        ? FailureKind.CONNECT
        : FailureKind.PROTOCOL;
  }

  private static String messageOf(IOException failure) {
    if (find(failure, ConnectException.class) != null) {
      return REFUSED;
    }
    if (find(failure, NoRouteToHostException.class) != null) {
      return NO_ROUTE;
    }
    if (find(failure, NoHttpResponseException.class) != null) {
      return NO_RESPONSE;
    }
    if (find(failure, ConnectionClosedException.class) != null) {
      return CLOSED_EARLY;
    }
    if (find(failure, ClientProtocolException.class) != null
        || find(failure, MessageConstraintException.class) != null) {
      return INVALID_RESPONSE;
    }
    return find(failure, SocketException.class) != null ? CONNECT_FAILED : REQUEST_FAILED;
  }

  private static String tlsMessage(IOException failure) {
    if (find(failure, CertPathBuilderException.class) != null
        || find(failure, CertPathValidatorException.class) != null) {
      return TLS_UNTRUSTED;
    }
    if (find(failure, SSLPeerUnverifiedException.class) != null) {
      return TLS_NAME_MISMATCH;
    }
    CertificateException certificate = find(failure, CertificateException.class);
    if (certificate != null) {
      String text = String.valueOf(certificate.getMessage()).toLowerCase(Locale.ROOT);
      boolean nameMismatch = text.contains("subject alternative") || text.contains("no name");
      return nameMismatch ? TLS_NAME_MISMATCH : TLS_REJECTED;
    }
    return TLS_FAILED;
  }

  /** The first throwable of type {@code type} in the cause chain, or null. */
  static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** Masks every request header value (and each long word of it) found in {@code message}. */
  static String scrub(String message, Collection<String> secrets) {
    String out = message;
    for (String secret : secrets) {
      if (secret == null) {
        continue;
      }
      out = mask(out, secret.strip());
      for (String word : secret.split("\\s+")) {
        out = mask(out, word);
      }
    }
    return out;
  }

  private static String mask(String message, String secret) {
    if (secret.length() < MIN_SECRET) {
      return message;
    }
    return message.replace(secret, MASK);
  }

  private static String shorten(String message) {
    if (message.length() <= MAX_MESSAGE) {
      return message;
    }
    int end = MAX_MESSAGE;
    if (Character.isHighSurrogate(message.charAt(end - 1))) {
      end--;
    }
    return message.substring(0, end);
  }
}
