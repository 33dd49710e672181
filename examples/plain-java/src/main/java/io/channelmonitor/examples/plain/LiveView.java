package io.channelmonitor.examples.plain;

import io.channelmonitor.history.MonitorAvailability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redraws the live table on its own thread: when new results have arrived (at most once a second in
 * plain mode), and once a second on a terminal so the elapsed time moves. The availability figures
 * are read from the store only when results have arrived.
 */
final class LiveView implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveView.class);
  private static final Duration TICK = Duration.ofMillis(250);
  private static final Duration MIN_GAP = Duration.ofSeconds(1);

  private final LiveBoard board;
  private final Supplier<Map<Long, MonitorAvailability>> figures;
  private final Supplier<List<String>> header;
  private final Screen screen;
  private final TableFormat format;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private long drawnResults = -1;
  private Instant drawnAt = Instant.MIN;
  private Map<Long, MonitorAvailability> lastFigures = Map.of();

  LiveView(
      LiveBoard board,
      Supplier<Map<Long, MonitorAvailability>> figures,
      Supplier<List<String>> header,
      Screen screen,
      Clock clock) {
    this.board = board;
    this.figures = figures;
    this.header = header;
    this.screen = screen;
    this.format = new TableFormat(screen.ansi());
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "channel-monitor-demo-view");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts drawing. */
  LiveView start() {
    timer.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    try {
      long results = board.resultCount();
      Instant now = clock.instant();
      boolean gapPassed = !now.isBefore(drawnAt.plus(MIN_GAP));
      boolean changed = results != drawnResults;
      if ((changed && (screen.ansi() || gapPassed)) || (screen.ansi() && gapPassed)) {
        if (changed) {
          lastFigures = figures.get();
        }
        drawnResults = results;
        drawnAt = now;
        List<String> lines = new ArrayList<>(header.get());
        lines.addAll(format.live(board.rows(), lastFigures));
        screen.frame(lines);
      }
    } catch (RuntimeException e) {
      log.warn("demo: drawing the table failed: {}", e.toString());
    }
  }

  /**
   * Stops drawing and waits for a frame being drawn. It does not interrupt the frame: an interrupt
   * during a read would make H2 close its database file.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
