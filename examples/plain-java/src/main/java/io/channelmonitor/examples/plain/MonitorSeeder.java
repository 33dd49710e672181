package io.channelmonitor.examples.plain;

import io.channelmonitor.Monitor;
import io.channelmonitor.MonitorPatch;
import io.channelmonitor.MonitorQuery;
import io.channelmonitor.MonitorService;
import io.channelmonitor.MonitorValidationException;
import io.channelmonitor.Page;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the stored monitors match what this run wants, so restarts reuse them (and their history)
 * instead of adding copies.
 *
 * <p>The fake upstream listens on a new port every run, so stored monitors are pointed at it. They
 * are kept disabled until the scheduler has started and then enabled: enabling probes a monitor at
 * once, where {@code start()} would spread the first runs over the interval. Monitors this run does
 * not want (fewer channels, a provider key no longer set) stay disabled.
 */
final class MonitorSeeder {
  private final MonitorService monitors;
  private final PrintStream out;

  MonitorSeeder(MonitorService monitors, PrintStream out) {
    this.monitors = monitors;
    this.out = out;
  }

  /** Creates or updates every wanted monitor, all disabled; returns them in the given order. */
  List<Monitor> prepare(List<WantedMonitor> wanted) {
    Map<String, Monitor> stored = storedByName();
    Set<String> names = new HashSet<>();
    List<Monitor> ready = new ArrayList<>();
    int reused = 0;
    for (WantedMonitor monitor : wanted) {
      Monitor existing = stored.get(monitor.name());
      try {
        ready.add(existing == null ? monitors.create(monitor.draft()) : update(existing, monitor));
        names.add(monitor.name());
        reused += existing == null ? 0 : 1;
      } catch (MonitorValidationException e) {
        out.println(
            "skipped " + monitor.name() + ": " + e.reasonCode() + " (" + e.getMessage() + ")");
      }
    }
    stored.values().stream()
        .filter(monitor -> monitor.enabled() && !names.contains(monitor.name()))
        .forEach(monitor -> monitors.update(monitor.id(), disable()));
    out.printf(
        "monitors: %d reused from earlier runs, %d created%n", reused, ready.size() - reused);
    return ready;
  }

  /** Enables the monitors: each is probed at once, then every interval. */
  void enable(List<Monitor> prepared) {
    MonitorPatch enable = MonitorPatch.builder().enabled(true).build();
    prepared.forEach(monitor -> monitors.update(monitor.id(), enable));
  }

  private Monitor update(Monitor existing, WantedMonitor wanted) {
    boolean keyChanged = !existing.apiKey().equals(wanted.apiKey());
    if (existing.keyDecryptFailed()) {
      out.println(
          "note: the stored API key of "
              + existing.name()
              + " could not be decrypted (was the key ring replaced?); it is stored again");
    }
    return monitors.update(existing.id(), wanted.patch(keyChanged));
  }

  private Map<String, Monitor> storedByName() {
    Map<String, Monitor> byName = new HashMap<>();
    for (int page = 1; ; page++) {
      Page<Monitor> found =
          monitors.list(MonitorQuery.all().withPage(page, MonitorQuery.MAX_PAGE_SIZE));
      found.items().forEach(monitor -> byName.putIfAbsent(monitor.name(), monitor));
      if (page >= found.pages()) {
        return byName;
      }
    }
  }

  private static MonitorPatch disable() {
    return MonitorPatch.builder().enabled(false).build();
  }
}
