package io.channelmonitor.probe;

import io.channelmonitor.ChannelMonitorSettings;
import io.channelmonitor.CheckResult;
import io.channelmonitor.FailureKind;
import io.channelmonitor.Monitor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks one model of one monitor: build the request, send it, read and judge the answer. */
final class ModelProbe {
  private static final Logger log = LoggerFactory.getLogger(ModelProbe.class);

  private final Map<String, ChannelChecker> checkers;
  private final Challenge challenge;
  private final ProbeTransport transport;
  private final ChannelMonitorSettings settings;
  private final Verdict verdict;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final RequestFactory requests = new RequestFactory();
  private final AnswerReader reader;

  ModelProbe(
      Map<String, ChannelChecker> checkers,
      Challenge challenge,
      ProbeTransport transport,
      ChannelMonitorSettings settings,
      Verdict verdict,
      Clock clock,
      LongSupplier nanoTime) {
    this.checkers = Map.copyOf(checkers);
    this.challenge = challenge;
    this.transport = transport;
    this.settings = settings;
    this.verdict = verdict;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.reader = new AnswerReader(nanoTime);
  }

  CheckResult check(Monitor monitor, String model, Long pingMs) {
    Instant checkedAt = clock.instant();
    long start = nanoTime.getAsLong();
    Verdict.Facts base = new Verdict.Facts(monitor, model, checkedAt, 0, null, pingMs);
    ChannelChecker checker = checkers.get(monitor.provider());
    if (checker == null) {
      return verdict.of(
          base, FailureKind.INTERNAL, "no checker for provider " + monitor.provider());
    }
    try {
      Challenge.Question question = challenge.next();
      ProbeCall call =
          new ProbeCall(
              monitor, model, question.prompt(), settings.outputTokensFor(model), monitor.stream());
      ProbeRequest request = requests.build(checker, call);
      Outcome outcome =
          transport.exchange(request, settings.requestTimeout(), r -> reader.read(r, checker));
      Verdict.Facts facts = timed(base, start, outcome.firstTokenNanos());
      return verdict.of(facts, outcome, question);
    } catch (ProbeException e) {
      return verdict.of(timed(base, start, null), e.kind(), e.getMessage());
    } catch (RuntimeException e) {
      log.warn(
          "channel_monitor: check of monitor {} failed inside the library: {}",
          monitor.id(),
          e.getClass().getName());
      return verdict.of(timed(base, start, null), FailureKind.INTERNAL, "internal error");
    }
  }

  private Verdict.Facts timed(Verdict.Facts base, long start, Long firstTokenNanos) {
    long latency = millisSince(start, nanoTime.getAsLong());
    Long firstToken = firstTokenNanos == null ? null : millisSince(start, firstTokenNanos);
    return new Verdict.Facts(
        base.monitor(), base.model(), base.checkedAt(), latency, firstToken, base.pingMs());
  }

  private static long millisSince(long start, long end) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - start));
  }
}
