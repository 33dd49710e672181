package io.channelmonitor.probe;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default challenge: a few short notes (a colored animal in a place) and a question whose
 * answer is one word of them. Input is long and cheap, output is one word. A reply passes when it
 * names the expected word, names no other candidate of the same kind, and is at most {@link
 * #DEFAULT_MAX_REPLY_WORDS} words long: a canned reply lacks the word, an echo of the prompt is
 * long and names every candidate, and a relay that does arithmetic answers a number.
 */
public final class WordChallenge implements Challenge {
  /** Longest reply, in words, that can pass. */
  public static final int DEFAULT_MAX_REPLY_WORDS = 6;

  static final String INSTRUCTION = "Read the notes, then answer the question with one word only.";

  private static final List<String> COLORS =
      List.of(
          "red", "blue", "green", "yellow", "black", "white", "brown", "gray", "orange", "purple",
          "pink", "golden");
  private static final List<String> ANIMALS =
      List.of(
          "fox", "owl", "bear", "wolf", "otter", "badger", "rabbit", "heron", "beaver", "lynx",
          "moose", "falcon", "turtle", "camel", "goat", "panda");
  private static final List<String> PLACES =
      List.of(
          "barn", "cave", "forest", "meadow", "river", "garden", "tower", "harbor", "desert",
          "valley", "castle", "library", "bakery", "orchard");
  private static final List<String> VERBS = List.of("sleeps", "hides", "waits", "rests", "plays");

  private final Random random;
  private final int maxReplyWords;

  public WordChallenge() {
    this(new SecureRandom(), DEFAULT_MAX_REPLY_WORDS);
  }

  WordChallenge(Random random, int maxReplyWords) {
    this.random = random;
    this.maxReplyWords = maxReplyWords;
  }

  @Override
  public Question next() {
    int lines = 4 + random.nextInt(3);
    List<String> colors = pick(COLORS, lines);
    List<String> animals = pick(ANIMALS, lines);
    List<String> places = pick(PLACES, lines);
    String verb = VERBS.get(random.nextInt(VERBS.size()));
    StringBuilder prompt = new StringBuilder(INSTRUCTION).append("\nNotes:\n");
    for (int i = 0; i < lines; i++) {
      prompt.append("- The ").append(colors.get(i)).append(' ').append(animals.get(i));
      prompt.append(' ').append(verb).append(" in the ").append(places.get(i)).append(".\n");
    }
    int target = random.nextInt(lines);
    return switch (random.nextInt(3)) {
      case 0 ->
          question(
              prompt,
              "Which animal " + verb + " in the " + places.get(target) + "?",
              animals,
              target);
      case 1 ->
          question(
              prompt,
              "Where is the " + colors.get(target) + " " + animals.get(target) + "?",
              places,
              target);
      default -> question(prompt, "What color is the " + animals.get(target) + "?", colors, target);
    };
  }

  private Question question(
      StringBuilder prompt, String question, List<String> candidates, int target) {
    prompt.append("Question: ").append(question).append("\nAnswer:");
    String expected = candidates.get(target);
    Set<String> others =
        candidates.stream().filter(c -> !c.equals(expected)).collect(Collectors.toSet());
    return new Question(prompt.toString(), expected, reply -> passes(reply, expected, others));
  }

  private boolean passes(String reply, String expected, Set<String> others) {
    List<String> words = words(reply);
    return !words.isEmpty()
        && words.size() <= maxReplyWords
        && words.contains(expected)
        && words.stream().noneMatch(others::contains);
  }

  /** Lower-case words of a reply, markdown and punctuation removed. */
  static List<String> words(String reply) {
    if (reply == null) {
      return List.of();
    }
    String cleaned = reply.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").trim();
    return cleaned.isEmpty() ? List.of() : List.of(cleaned.split(" "));
  }

  private List<String> pick(List<String> words, int count) {
    List<String> copy = new ArrayList<>(words);
    Collections.shuffle(copy, random);
    return copy.subList(0, count);
  }
}
