package io.channelmonitor;

import java.util.Locale;

/**
 * Filters and paging for {@link MonitorService#list(MonitorQuery)}. Results are ordered by id,
 * newest first.
 *
 * @param provider only monitors of this provider id (case-insensitive), or null for all
 * @param enabled only enabled (true) or disabled (false) monitors, or null for all
 * @param search a case-insensitive substring of name, group name or primary model, or null
 * @param page the 1-based page; values below 1 become 1
 * @param pageSize the page size; values below 1 become {@link #DEFAULT_PAGE_SIZE}, values above
 *     {@link #MAX_PAGE_SIZE} become {@link #MAX_PAGE_SIZE}
 */
public record MonitorQuery(
    String provider, Boolean enabled, String search, int page, int pageSize) {
  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 100;

  public MonitorQuery {
    provider = blankToNull(provider) == null ? null : provider.trim().toLowerCase(Locale.ROOT);
    search = blankToNull(search);
    page = Math.max(1, page);
    pageSize = pageSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
  }

  /** Every monitor, first page, default size. */
  public static MonitorQuery all() {
    return new MonitorQuery(null, null, null, 1, DEFAULT_PAGE_SIZE);
  }

  public MonitorQuery withProvider(String value) {
    return new MonitorQuery(value, enabled, search, page, pageSize);
  }

  public MonitorQuery withEnabled(Boolean value) {
    return new MonitorQuery(provider, value, search, page, pageSize);
  }

  public MonitorQuery withSearch(String value) {
    return new MonitorQuery(provider, enabled, value, page, pageSize);
  }

  public MonitorQuery withPage(int value, int size) {
    return new MonitorQuery(provider, enabled, search, value, size);
  }

  /** The index of the first item of this page. */
  public long offset() {
    return (long) (page - 1) * pageSize;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
