package io.channelmonitor.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Monitor ids of a multi-monitor statement: distinct and non-null. They go into the statement's
 * text as integer literals (see {@link io.channelmonitor.internal.SqlLiterals#ids}), never as one
 * bind parameter each, so one statement serves any number of monitors (about 8 characters of SQL
 * per id) and no driver's bind-parameter limit applies.
 */
final class Ids {
  private Ids() {}

  /** The distinct ids, in their first order. */
  static List<Long> distinct(Collection<Long> ids) {
    List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(Objects.requireNonNull(ids, "ids")));
    distinct.forEach(id -> Objects.requireNonNull(id, "monitor id"));
    return distinct;
  }
}
