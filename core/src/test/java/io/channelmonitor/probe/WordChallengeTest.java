package io.channelmonitor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class WordChallengeTest {
  private static final Pattern LINE =
      Pattern.compile("^- The ([a-z]+) ([a-z]+) ([a-z]+) in the ([a-z]+)\\.$", Pattern.MULTILINE);

  private final WordChallenge challenge = new WordChallenge(new Random(7), 6);

  @Test
  void thePromptHasNotesAndOneQuestion() {
    String prompt = challenge.next().prompt();

    assertThat(prompt).startsWith(WordChallenge.INSTRUCTION + "\nNotes:\n").endsWith("\nAnswer:");
    Matcher lines = LINE.matcher(prompt);
    int count = 0;
    while (lines.find()) {
      count++;
    }
    assertThat(count).isBetween(4, 6);
    assertThat(prompt).containsPattern("\nQuestion: [A-Z][a-z ]+\\?\n");
  }

  @RepeatedTest(50)
  void anHonestOneWordAnswerPassesInTheUsualSpellings() {
    Challenge.Question question = challenge.next();
    String word = question.expected();
    String capital = Character.toUpperCase(word.charAt(0)) + word.substring(1);

    assertThat(question.accepts(word)).isTrue();
    assertThat(question.accepts(capital + ".")).isTrue();
    assertThat(question.accepts("**" + capital + "**")).isTrue();
    assertThat(question.accepts("The answer is " + word + ".")).isTrue();
  }

  @RepeatedTest(50)
  void fakeRelaysFail() {
    Challenge.Question question = challenge.next();

    assertThat(question.accepts("Hello! How can I help you today?")).as("canned").isFalse();
    assertThat(question.accepts("OK")).as("canned short").isFalse();
    assertThat(question.accepts(question.prompt())).as("echo").isFalse();
    assertThat(question.accepts("42")).as("arithmetic").isFalse();
    assertThat(question.accepts("")).as("empty").isFalse();
    assertThat(question.accepts("well let me think the answer is surely " + question.expected()))
        .as("too long")
        .isFalse();
  }

  @Test
  void namingEveryCandidateFails() {
    Challenge.Question question = challenge.next();
    Matcher lines = LINE.matcher(question.prompt());
    StringBuilder animals = new StringBuilder();
    StringBuilder colors = new StringBuilder();
    StringBuilder places = new StringBuilder();
    while (lines.find()) {
      colors.append(lines.group(1)).append(' ');
      animals.append(lines.group(2)).append(' ');
      places.append(lines.group(4)).append(' ');
    }
    for (StringBuilder all : new StringBuilder[] {animals, colors, places}) {
      assertThat(question.accepts(all.toString().trim())).isFalse();
    }
  }

  @Test
  void questionsVary() {
    java.util.Set<String> prompts = new java.util.HashSet<>();
    java.util.Set<String> kinds = new java.util.HashSet<>();
    WordChallenge secure = new WordChallenge();
    for (int i = 0; i < 200; i++) {
      String prompt = secure.next().prompt();
      prompts.add(prompt);
      kinds.add(
          prompt.substring(prompt.indexOf("Question: ") + 10, prompt.indexOf("Question: ") + 14));
    }
    assertThat(prompts).hasSize(200);
    assertThat(kinds).containsExactlyInAnyOrder("Whic", "Wher", "What");
  }
}
