package io.channelmonitor.testkit.upstream;

import java.util.Objects;

/**
 * A request path the fake knows.
 *
 * @param protocol the provider API at that path
 * @param pathModel the model named in the path (Gemini), or null
 * @param pathStream whether the path asks for a stream (Gemini's {@code :streamGenerateContent})
 * @param query the raw query string, or ""
 */
record Route(Protocol protocol, String pathModel, boolean pathStream, String query) {
  Route {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(query, "query");
  }

  /** Whether the query has {@code name=value} among its parameters. */
  boolean hasQueryParameter(String name, String value) {
    for (String pair : query.split("&")) {
      if (pair.equals(name + "=" + value)) {
        return true;
      }
    }
    return false;
  }
}
