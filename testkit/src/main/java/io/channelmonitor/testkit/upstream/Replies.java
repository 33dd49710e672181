package io.channelmonitor.testkit.upstream;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decides the text of an answer from the step and the prompt. Stateless. */
final class Replies {
  /** What {@link Behaviour#arithmeticCheat()} says when the prompt holds no sum. */
  static final String CHEAT_DEFAULT = "42";

  private static final Pattern SUM = Pattern.compile("(-?\\d{1,9})\\s*([+-])\\s*(-?\\d{1,9})");

  private Replies() {}

  static Reply of(Step step, String prompt) {
    return switch (step.kind()) {
      case WRONG_ANSWER -> Reply.of(ChallengeSolver.wrongReply(prompt));
      case ECHO -> Reply.of(prompt);
      case CANNED -> Reply.of(step.text());
      case ARITHMETIC_CHEAT -> Reply.of(cheat(prompt));
      case THINKING_THEN_ANSWER -> new Reply(ChallengeSolver.reply(prompt), thinking(prompt), 0);
      case OVERSIZED_BODY -> new Reply(ChallengeSolver.reply(prompt), null, step.number());
      default -> Reply.of(ChallengeSolver.reply(prompt));
    };
  }

  /** The result of the first {@code a + b} or {@code a - b} in the prompt, else {@code 42}. */
  static String cheat(String prompt) {
    Matcher sum = SUM.matcher(prompt);
    if (!sum.find()) {
      return CHEAT_DEFAULT;
    }
    long left = Long.parseLong(sum.group(1));
    long right = Long.parseLong(sum.group(3));
    return Long.toString(sum.group(2).equals("+") ? left + right : left - right);
  }

  /** Reasoning that names a wrong word, so reading it as the answer fails the check. */
  static String thinking(String prompt) {
    String wrong = ChallengeSolver.wrongReply(prompt);
    return "Let me read the notes again. At first sight the answer looks like "
        + wrong.substring(0, wrong.length() - 1)
        + ", but I should check the question once more.";
  }
}
