package io.channelmonitor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of the library, DEBUG included, while open, to search it for secrets.
 * Shared by the tests of every package.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("io.channelmonitor");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Level previousLevel = logger.getLevel();

  private LogCapture() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Every captured line, formatted, with the stack traces' messages. */
  public String text() {
    return appender.list.stream()
        .map(
            e ->
                e.getFormattedMessage()
                    + (e.getThrowableProxy() == null
                        ? ""
                        : " " + e.getThrowableProxy().getMessage()))
        .collect(Collectors.joining("\n"));
  }

  /** How many events of this level whose message contains the text were captured. */
  public long count(Level level, String text) {
    return appender.list.stream()
        .filter(e -> e.getLevel() == level && e.getFormattedMessage().contains(text))
        .count();
  }

  /** How many events were captured. */
  public int size() {
    return appender.list.size();
  }

  @Override
  public void close() {
    logger.setLevel(previousLevel);
    logger.detachAppender(appender);
    appender.stop();
  }
}
