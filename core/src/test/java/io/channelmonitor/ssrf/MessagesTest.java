package io.channelmonitor.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** Refusals never echo the input, the host or an address: they may reach users and logs. */
class MessagesTest {
  private static final HostResolver SECRET_ANSWERS =
      host -> {
        if (host.startsWith("gone")) {
          throw new UnknownHostException(host + ": Name or service not known");
        }
        if (host.startsWith("empty")) {
          return List.of();
        }
        return Net.answering("8.8.8.8", "10.11.12.13").resolve(host);
      };

  private final SsrfGuard guard = new SsrfGuard(SsrfPolicy.strict(), SECRET_ANSWERS);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://secret-intranet.example.com/v1 | secret-intranet,10.11.12.13",
        "https://gone-secret.example.com | gone-secret,example.com",
        "https://empty-secret.example.com | empty-secret",
        "https://10.11.12.13/v1 | 10.11.12.13",
        "https://[fd12:3456::1] | fd12:3456",
        "https://secret-db.internal | secret-db",
        "https://admin:hunter2@secret.example.com | hunter2,admin,secret.example",
        "https://secret.example.com/v1?key=sk-abcdef | sk-abcdef,secret.example",
        "ftp://secret.example.com | secret.example",
        "https://127.1 | 127.1",
        "https://secret.example.com/../x | secret.example"
      })
  void saveTimeMessagesNameNothing(String raw, String forbidden) {
    Throwable thrown = catchThrowable(() -> guard.checkEndpoint(raw));
    assertThat(thrown).isNotNull();
    for (String fragment : forbidden.split(",")) {
      assertThat(thrown.getMessage()).doesNotContain(fragment);
      assertThat(String.valueOf(thrown)).doesNotContain(fragment);
    }
    assertThat(thrown.getCause()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "secret-intranet.example.com, 10.11.12.13",
    "gone-secret.example.com, gone-secret",
    "10.11.12.13, 10.11.12.13",
    "127.1, 127.1"
  })
  void connectTimeMessagesNameNothing(String host, String forbidden) {
    Throwable thrown = catchThrowable(() -> guard.resolveForConnect(host));
    assertThat(thrown).isInstanceOf(SsrfBlockedException.class);
    assertThat(thrown.getMessage()).doesNotContain(forbidden).doesNotContain(host);
    assertThat(thrown.getCause()).isNull();
    Throwable socket =
        catchThrowable(() -> guard.checkConnect(new InetSocketAddress(Net.ip("10.11.12.13"), 443)));
    assertThat(socket.getMessage()).doesNotContain("10.11.12.13");
  }

  @Test
  void refusalsAreLoggedAtDebugWithoutHostsOrAddresses() {
    Logger logger = (Logger) LoggerFactory.getLogger(SsrfGuard.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level previous = logger.getLevel();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    try {
      catchThrowable(() -> guard.checkEndpoint("https://secret-intranet.example.com"));
      catchThrowable(() -> guard.checkEndpoint("https://10.11.12.13"));
      catchThrowable(() -> guard.checkEndpoint("https://user:hunter2@secret.example.com"));
      catchThrowable(() -> guard.resolveForConnect("secret-intranet.example.com"));
      catchThrowable(() -> guard.checkConnect(new InetSocketAddress(Net.ip("10.11.12.13"), 443)));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(previous);
    }
    assertThat(appender.list).hasSize(5);
    for (ILoggingEvent event : appender.list) {
      assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
      assertThat(event.getFormattedMessage())
          .doesNotContain("secret")
          .doesNotContain("10.11.12.13")
          .doesNotContain("hunter2");
    }
  }
}
