package io.channelmonitor.benchmarks.jmh;

import io.channelmonitor.probe.Challenge;
import io.channelmonitor.probe.WordChallenge;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The default {@link WordChallenge} (with its {@code SecureRandom}): making a fresh question, as
 * every probe does, and judging a reply, both a passing one-word answer and a prompt echoed back
 * (long, names every candidate).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChallengeBenchmark {
  private final WordChallenge challenge = new WordChallenge();
  private Challenge.Question question;
  private String rightReply;

  @Setup
  public void setUp() {
    question = challenge.next();
    rightReply =
        "**"
            + Character.toUpperCase(question.expected().charAt(0))
            + question.expected().substring(1)
            + ".**";
    if (!question.accepts(rightReply) || question.accepts(question.prompt())) {
      throw new IllegalStateException("the judge does not behave as expected");
    }
  }

  /** A new question: random notes, a question and its judge. */
  @Benchmark
  public Object generate() {
    return challenge.next();
  }

  /** Judging a right answer in markdown, {@code **Fox.**}. */
  @Benchmark
  public boolean verifyRightAnswer() {
    return question.accepts(rightReply);
  }

  /** Judging a relay that echoes the prompt back. */
  @Benchmark
  public boolean verifyEchoedPrompt() {
    return question.accepts(question.prompt());
  }
}
