package io.channelmonitor.jpa;

import io.channelmonitor.MonitorQuery;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JPQL WHERE clause of a listing and its parameters, for the alias {@code m}. The search is a
 * case-insensitive substring of name, group or primary model, with LIKE wildcards in it taken
 * literally.
 *
 * @param where the clause with a leading space, or empty when nothing is filtered
 * @param parameters the named parameters it uses
 */
record MonitorFilter(String where, Map<String, Object> parameters) {
  private static final char ESCAPE = '!';

  static MonitorFilter of(MonitorQuery query) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (query.provider() != null) {
      conditions.add("m.provider = :provider");
      parameters.put("provider", query.provider());
    }
    if (query.enabled() != null) {
      conditions.add("m.enabled = :enabled");
      parameters.put("enabled", query.enabled());
    }
    if (query.search() != null) {
      String like = " LIKE :search ESCAPE '" + ESCAPE + "'";
      conditions.add(
          "(LOWER(m.name)"
              + like
              + " OR LOWER(m.groupName)"
              + like
              + " OR LOWER(m.primaryModel)"
              + like
              + ")");
      parameters.put("search", "%" + escape(query.search().toLowerCase(Locale.ROOT)) + "%");
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new MonitorFilter(where, Map.copyOf(parameters));
  }

  /** Binds the parameters to {@code query} and returns it. */
  <T> TypedQuery<T> bind(TypedQuery<T> query) {
    parameters.forEach(query::setParameter);
    return query;
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ESCAPE || c == '%' || c == '_') {
        escaped.append(ESCAPE);
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
