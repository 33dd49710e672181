package io.channelmonitor.jdbc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the store's five tables and the two of cluster mode: one prefix followed by a fixed
 * suffix.
 *
 * @param prefix the prefix, for example {@code channel_monitor_}
 */
record Tables(String prefix) {
  /** The prefix the shipped schema scripts use. */
  static final String DEFAULT_PREFIX = "channel_monitor_";

  private static final Pattern VALID_PREFIX = Pattern.compile("[a-z_][a-z0-9_]*");

  Tables {
    if (prefix == null || !VALID_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "tablePrefix must match [a-z_][a-z0-9_]* (lower-case letters, digits, underscores): "
              + prefix);
    }
  }

  String monitors() {
    return prefix + "monitors";
  }

  String results() {
    return prefix + "results";
  }

  String rollups() {
    return prefix + "daily_rollups";
  }

  String maintenance() {
    return prefix + "maintenance";
  }

  String locks() {
    return prefix + "locks";
  }

  /** Cluster mode: each monitor's next due time and run lease. */
  String schedule() {
    return prefix + "schedule";
  }

  /** Cluster mode: the live instances. */
  String instances() {
    return prefix + "instances";
  }

  /** Every table of the store, parents first. */
  List<String> all() {
    return List.of(monitors(), results(), rollups(), maintenance(), locks());
  }

  /** Every table cluster mode reads or writes, parents first. */
  List<String> cluster() {
    return List.of(monitors(), results(), schedule(), instances());
  }
}
