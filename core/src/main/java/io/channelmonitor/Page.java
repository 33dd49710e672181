package io.channelmonitor;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing.
 *
 * @param items the items on this page
 * @param total the number of items over all pages
 * @param page the 1-based page number
 * @param pageSize the page size that was applied
 */
public record Page<T>(List<T> items, long total, int page, int pageSize) {
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (total < 0 || page < 1 || pageSize < 1) {
      throw new IllegalArgumentException(
          "total >= 0, page >= 1 and pageSize >= 1 required: "
              + total
              + ", "
              + page
              + ", "
              + pageSize);
    }
  }

  /** The number of pages, at least 1. */
  public int pages() {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }
}
