package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the library's default challenge prompt the way a real model would, so {@link
 * FakeUpstream} can be honest (or wrong on purpose). Stateless.
 *
 * <p>The prompt looks like this (lines separated by {@code \n}, words in lower-case ASCII):
 *
 * <pre>
 * Read the notes, then answer the question with one word only.
 * Notes:
 * - The red fox sleeps in the barn.
 * - The blue owl hides in the attic.
 * - The green frog sings in the garden.
 * - The gray wolf waits in the cellar.
 * Question: Which animal hides in the attic?
 * Answer:
 * </pre>
 *
 * <p>The question is one of {@code Which animal {verb} in the {place}?} (answer: that note's
 * animal), {@code Where is the {color} {animal}?} (its place) or {@code What color is the
 * {animal}?} (its colour). A reply is the word with a capital first letter and a period: {@code
 * Owl.}. Anything else is not a quiz and gets {@value #FALLBACK_REPLY}.
 */
public final class ChallengeSolver {
  /** The reply to a prompt that is not a challenge, like a chat model's greeting. */
  public static final String FALLBACK_REPLY = "Hello! How can I help you today?";

  /** The word {@link #wrongReply(String)} uses when the prompt is not a challenge. */
  static final String WRONG_FALLBACK_WORD = "banana";

  private static final Pattern NOTE =
      Pattern.compile("(?m)^- The ([a-z]+) ([a-z]+) ([a-z]+) in the ([a-z]+)\\.[ \\t]*$");
  private static final Pattern QUESTION = Pattern.compile("(?m)^Question: (.+?)[ \\t]*$");
  private static final Pattern WHICH_ANIMAL =
      Pattern.compile("Which animal ([a-z]+) in the ([a-z]+)\\?");
  private static final Pattern WHERE_IS = Pattern.compile("Where is the ([a-z]+) ([a-z]+)\\?");
  private static final Pattern WHAT_COLOR = Pattern.compile("What color is the ([a-z]+)\\?");

  private ChallengeSolver() {}

  /**
   * The prompt text of a request body in any of the fake's protocols: the last user message of
   * OpenAI chat or Anthropic {@code messages} (string content or text parts), the Responses {@code
   * instructions} and {@code input} (a string or messages with string or {@code input_text} parts),
   * or the text parts of Gemini's last user entry in {@code contents}. Several parts are joined
   * with {@code \n}. Empty when the body has none of these.
   */
  public static String promptOf(JsonNode body) {
    return PromptExtractor.promptOf(body);
  }

  /** The expected one-word answer in lower case ({@code owl}), if {@code prompt} is a challenge. */
  public static Optional<String> answer(String prompt) {
    return solve(prompt).map(Solved::answer);
  }

  /**
   * A wrong word of the asked category taken from another note ({@code fox} when the answer is
   * {@code owl}), if {@code prompt} is a challenge with more than one note.
   */
  public static Optional<String> wrongAnswer(String prompt) {
    return solve(prompt).flatMap(Solved::wrong);
  }

  /** What an honest model replies: {@code Owl.}, or {@value #FALLBACK_REPLY} for other prompts. */
  public static String reply(String prompt) {
    return answer(prompt).map(ChallengeSolver::asReply).orElse(FALLBACK_REPLY);
  }

  /** A fluent wrong reply: {@code Fox.} for the example above, {@code Banana.} for non-quizzes. */
  public static String wrongReply(String prompt) {
    return asReply(wrongAnswer(prompt).orElse(WRONG_FALLBACK_WORD));
  }

  /**
   * {@code word} with a capital first letter and a trailing period: {@code fox} gives {@code Fox.}
   */
  public static String asReply(String word) {
    if (word.isEmpty()) {
      return ".";
    }
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1) + ".";
  }

  private static Optional<Solved> solve(String prompt) {
    if (prompt == null) {
      return Optional.empty();
    }
    String text = prompt.replace("\r\n", "\n");
    List<Note> notes = notes(text);
    Matcher question = QUESTION.matcher(text);
    if (notes.isEmpty() || !question.find()) {
      return Optional.empty();
    }
    return solve(notes, question.group(1));
  }

  private static List<Note> notes(String text) {
    List<Note> notes = new ArrayList<>();
    Matcher matcher = NOTE.matcher(text);
    while (matcher.find()) {
      notes.add(new Note(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }
    return notes;
  }

  private static Optional<Solved> solve(List<Note> notes, String question) {
    Matcher which = WHICH_ANIMAL.matcher(question);
    if (which.matches()) {
      return pick(
          notes,
          note -> note.verb().equals(which.group(1)) && note.place().equals(which.group(2)),
          Note::animal);
    }
    Matcher where = WHERE_IS.matcher(question);
    if (where.matches()) {
      return pick(
          notes,
          note -> note.color().equals(where.group(1)) && note.animal().equals(where.group(2)),
          Note::place);
    }
    Matcher color = WHAT_COLOR.matcher(question);
    if (color.matches()) {
      return pick(notes, note -> note.animal().equals(color.group(1)), Note::color);
    }
    return Optional.empty();
  }

  private static Optional<Solved> pick(
      List<Note> notes, Predicate<Note> asked, Function<Note, String> field) {
    List<Note> matching = notes.stream().filter(asked).toList();
    if (matching.size() != 1) {
      return Optional.empty();
    }
    String answer = field.apply(matching.get(0));
    Optional<String> wrong =
        notes.stream().map(field).filter(word -> !word.equals(answer)).findFirst();
    return Optional.of(new Solved(answer, wrong));
  }

  private record Note(String color, String animal, String verb, String place) {}

  private record Solved(String answer, Optional<String> wrong) {}
}
