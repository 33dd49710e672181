package io.channelmonitor.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** Monitor ids as query parameters: distinct, non-null, in bounded chunks. */
final class Ids {
  /**
   * Ids per statement. Up to this many monitors take one query; more are split so that no IN list
   * grows without bound (drivers and databases cap the number of bind parameters).
   */
  static final int CHUNK = 1000;

  private Ids() {}

  /** The distinct ids, in their first order, in chunks of at most {@link #CHUNK}. */
  static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(ids, "ids")));
    distinct.forEach(id -> Objects.requireNonNull(id, "monitor id"));
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      chunks.add(List.copyOf(distinct.subList(from, Math.min(distinct.size(), from + CHUNK))));
    }
    return chunks;
  }
}
