package io.channelmonitor.testkit.upstream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request {@link FakeUpstream} received, kept for assertions. Recorded before the fake answers,
 * so a request that is still stalled is already in {@link FakeUpstream#requests()}.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the raw path with the query, e.g. {@code
 *     /v1beta/models/m:streamGenerateContent?alt=sse}
 * @param headers request headers by lower-case name, each with its values in order; immutable
 * @param body the body decoded as UTF-8; empty when there was none
 */
public record RecordedRequest(
    String method, String path, Map<String, List<String>> headers, String body) {

  /** Lower-cases header names, merges names that differ only in case and copies everything. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Map<String, List<String>> lowered = new LinkedHashMap<>();
    headers.forEach(
        (name, values) ->
            lowered
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
    Map<String, List<String>> copy = new LinkedHashMap<>();
    lowered.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
  }

  /** The first value of header {@code name} (any case), if the request carried it. */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }

  /** Every value of header {@code name} (any case) in order; empty when absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The path without the query. */
  public String pathWithoutQuery() {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }
}
