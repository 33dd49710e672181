package io.channelmonitor.spring.boot;

import io.channelmonitor.ChannelMonitor;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the monitor's scheduler and rollup job once the context is refreshed, and closes the
 * monitor when the context stops: {@link ChannelMonitor#close()} waits for running checks (up to
 * {@code channel-monitor.stop-timeout}) before it interrupts them.
 *
 * <p>Its phase is below the web server's, so the scheduler starts before the server accepts
 * requests and stops only after the server has stopped taking them. A closed monitor cannot be
 * started again.
 */
public class ChannelMonitorLifecycle implements SmartLifecycle {
  /** Below the web server's start/stop and graceful shutdown phases. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

  private final ChannelMonitor channelMonitor;
  private volatile boolean running;

  public ChannelMonitorLifecycle(ChannelMonitor channelMonitor) {
    this.channelMonitor = Objects.requireNonNull(channelMonitor, "channelMonitor");
  }

  @Override
  public void start() {
    channelMonitor.start();
    running = true;
  }

  @Override
  public void stop() {
    try {
      channelMonitor.close();
    } finally {
      running = false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
