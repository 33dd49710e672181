package io.channelmonitor.examples.plain;

import io.channelmonitor.CheckResult;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.history.ModelAvailability;
import io.channelmonitor.history.MonitorAvailability;
import io.channelmonitor.history.WindowFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Formats the live table and the summary as lines of text. Columns are padded with spaces; in
 * colour mode the status cell is wrapped in an ANSI colour after padding, so the columns stay
 * aligned. Never prints a key: rows carry none, and result messages are not shown.
 */
final class TableFormat {
  static final int WINDOW_DAYS = 7;

  private static final String RESET = "\u001b[0m";
  private static final int MAX_NAME = 32;
  private static final String STATUS = "%-11s";
  private static final String LIVE_REST = "  %-18s  %9s  %9s  %6s  %6s";
  private static final String SUMMARY_REST = "  %-18s  %6s  %4s  %9s  %6s";

  private final boolean color;

  TableFormat(boolean color) {
    this.color = color;
  }

  /** The live table: a header line, then one line per row. */
  List<String> live(List<BoardRow> rows, Map<Long, MonitorAvailability> figures) {
    Widths widths = Widths.of(rows);
    List<String> lines = new ArrayList<>();
    lines.add(
        widths.lead("CHANNEL", "PROVIDER", "MODEL")
            + String.format(STATUS, "STATUS")
            + String.format(LIVE_REST, "KIND", "LATENCY", "1ST TOKEN", "7-DAY", "CHECKS"));
    for (BoardRow row : rows) {
      CheckResult latest = row.latest();
      String rest =
          latest == null
              ? String.format(LIVE_REST, "", "-", "-", percent(sevenDays(figures, row)), 0)
              : String.format(
                  LIVE_REST,
                  latest.failureKind().wire(),
                  millis(latest.latencyMs()),
                  millis(latest.firstTokenLatencyMs()),
                  percent(sevenDays(figures, row)),
                  row.tally().total());
      lines.add(widths.lead(row) + statusCell(latest) + rest);
    }
    return lines;
  }

  /** The summary: a header line, then one line per row with this run's counts. */
  List<String> summary(List<BoardRow> rows, Map<Long, MonitorAvailability> figures) {
    Widths widths = Widths.of(rows);
    List<String> lines = new ArrayList<>();
    lines.add(
        widths.lead("CHANNEL", "PROVIDER", "MODEL")
            + String.format(STATUS, "LAST")
            + String.format(SUMMARY_REST, "KIND", "CHECKS", "OK", "AVG OK", "7-DAY"));
    for (BoardRow row : rows) {
      CheckResult latest = row.latest();
      lines.add(
          widths.lead(row)
              + statusCell(latest)
              + String.format(
                  SUMMARY_REST,
                  latest == null ? "" : latest.failureKind().wire(),
                  row.tally().total(),
                  row.tally().ok(),
                  millis(row.averageAvailableLatencyMs()),
                  percent(sevenDays(figures, row))));
    }
    return lines;
  }

  private String statusCell(CheckResult latest) {
    if (latest == null) {
      return String.format(STATUS, "waiting");
    }
    String cell = String.format(STATUS, latest.status().wire());
    return color ? colour(latest.status()) + cell + RESET : cell;
  }

  private static String colour(CheckStatus status) {
    return switch (status) {
      case OPERATIONAL -> "\u001b[32m";
      case DEGRADED -> "\u001b[33m";
      case FAILED -> "\u001b[35m";
      case ERROR -> "\u001b[31m";
    };
  }

  private static Double sevenDays(Map<Long, MonitorAvailability> figures, BoardRow row) {
    MonitorAvailability monitor = figures.get(row.monitorId());
    if (monitor == null) {
      return null;
    }
    return monitor
        .model(row.model())
        .map(ModelAvailability::windows)
        .map(windows -> windows.get(WINDOW_DAYS))
        .map(WindowFigures::availabilityPercent)
        .orElse(null);
  }

  static String millis(Long value) {
    return value == null ? "-" : value + " ms";
  }

  static String percent(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.1f%%", value);
  }

  /** The widths of the free-text columns, from the longest value (capped). */
  private record Widths(int channel, int provider, int model) {
    static Widths of(List<BoardRow> rows) {
      int channel = "CHANNEL".length();
      int provider = "PROVIDER".length();
      int model = "MODEL".length();
      for (BoardRow row : rows) {
        channel = Math.max(channel, Math.min(MAX_NAME, row.channel().length()));
        provider = Math.max(provider, Math.min(MAX_NAME, row.provider().length()));
        model = Math.max(model, Math.min(MAX_NAME, row.model().length()));
      }
      return new Widths(channel, provider, model);
    }

    String lead(BoardRow row) {
      return lead(row.channel(), row.provider(), row.model());
    }

    String lead(String channelText, String providerText, String modelText) {
      return pad(channelText, channel)
          + "  "
          + pad(providerText, provider)
          + "  "
          + pad(modelText, model)
          + "  ";
    }

    private static String pad(String text, int width) {
      String cut = text.length() > width ? text.substring(0, width - 1) + "~" : text;
      return String.format("%-" + width + "s", cut);
    }
  }
}
