package io.channelmonitor.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request a checker wants sent. {@link #toString()} shows the method and URL only: the
 * headers carry the API key.
 *
 * @param method {@code POST} for probes, {@code HEAD} for pings
 * @param url the absolute URL; never carries a key
 * @param headers request headers in order
 * @param body the body bytes, or null for none
 */
public record ProbeRequest(String method, String url, Map<String, String> headers, byte[] body) {
  public ProbeRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  @Override
  public String toString() {
    return "ProbeRequest[" + method + " " + url + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProbeRequest r
        && method.equals(r.method)
        && url.equals(r.url)
        && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, url, headers) * 31 + java.util.Arrays.hashCode(body);
  }
}
