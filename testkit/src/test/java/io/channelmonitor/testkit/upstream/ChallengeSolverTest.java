package io.channelmonitor.testkit.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeSolverTest {

  @Test
  void answersEachQuestionForm() {
    assertThat(ChallengeSolver.answer(Quiz.whichAnimal().prompt())).hasValue("owl");
    assertThat(ChallengeSolver.answer(Quiz.whereIs().prompt())).hasValue("cellar");
    assertThat(ChallengeSolver.answer(Quiz.whatColor().prompt())).hasValue("green");
  }

  @Test
  void repliesLikeAModelWithACapitalAndAPeriod() {
    assertThat(ChallengeSolver.reply(Quiz.whichAnimal().prompt())).isEqualTo("Owl.");
    assertThat(ChallengeSolver.reply(Quiz.whereIs().prompt())).isEqualTo("Cellar.");
    assertThat(ChallengeSolver.asReply("fox")).isEqualTo("Fox.");
  }

  @Test
  void solvesFourNotesAndCrlfLineEnds() {
    String prompt =
        Quiz.prompt(Quiz.NOTES.subList(0, 4), "Which animal sleeps in the barn?")
            .replace("\n", "\r\n");

    assertThat(ChallengeSolver.reply(prompt)).isEqualTo("Fox.");
  }

  @Test
  void aWrongAnswerIsAnotherWordOfTheSameCategoryFromThePrompt() {
    for (Quiz quiz : List.of(Quiz.whichAnimal(), Quiz.whereIs(), Quiz.whatColor())) {
      String wrong = ChallengeSolver.wrongAnswer(quiz.prompt()).orElseThrow();

      assertThat(wrong).isNotEqualTo(quiz.answer()).isIn(quiz.sameCategory());
      assertThat(ChallengeSolver.wrongReply(quiz.prompt()))
          .isEqualTo(ChallengeSolver.asReply(wrong));
    }
  }

  @Test
  void promptsOfAnotherShapeGetTheGreeting() {
    assertThat(ChallengeSolver.reply("Say hello.")).isEqualTo(ChallengeSolver.FALLBACK_REPLY);
    assertThat(ChallengeSolver.reply("")).isEqualTo("Hello! How can I help you today?");
    assertThat(ChallengeSolver.answer(null)).isEmpty();
    assertThat(ChallengeSolver.wrongReply("Say hello.")).isEqualTo("Banana.");
  }

  @Test
  void aQuestionNoNoteAnswersIsNoQuiz() {
    String unknownPlace = Quiz.prompt(Quiz.NOTES, "Which animal hides in the kitchen?");
    String unknownForm = Quiz.prompt(Quiz.NOTES, "How old is the fox?");
    String noNotes = Quiz.prompt(List.of(), "What color is the frog?");

    assertThat(ChallengeSolver.answer(unknownPlace)).isEmpty();
    assertThat(ChallengeSolver.answer(unknownForm)).isEmpty();
    assertThat(ChallengeSolver.answer(noNotes)).isEmpty();
  }

  @Test
  void findsThePromptInEveryRequestShape() {
    String prompt = Quiz.whichAnimal().prompt();
    for (Api api : Api.values()) {
      assertThat(ChallengeSolver.promptOf(Sse.json(api.body("m", prompt, false))))
          .as(api.name())
          .isEqualTo(prompt);
    }
  }

  @Test
  void takesTheLastUserMessageOfAChat() {
    String body =
        """
        {"model":"m","messages":[
          {"role":"user","content":"first"},
          {"role":"assistant","content":"reply"},
          {"role":"user","content":[{"type":"text","text":"part one"},{"type":"text","text":"part two"}]},
          {"role":"assistant","content":"later"}]}
        """;

    assertThat(ChallengeSolver.promptOf(Sse.json(body))).isEqualTo("part one\npart two");
  }

  @Test
  void readsResponsesInputAsAStringWithInstructions() {
    String body = "{\"model\":\"m\",\"instructions\":\"Be brief.\",\"input\":\"What is up?\"}";
    String messages =
        "{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"plain string\"}]}";

    assertThat(ChallengeSolver.promptOf(Sse.json(body))).isEqualTo("Be brief.\nWhat is up?");
    assertThat(ChallengeSolver.promptOf(Sse.json(messages))).isEqualTo("plain string");
  }

  @Test
  void readsTheLastUserEntryOfGeminiContentsSkippingThoughts() {
    String body =
        """
        {"contents":[
          {"role":"user","parts":[{"text":"old"}]},
          {"role":"model","parts":[{"text":"answer"}]},
          {"parts":[{"text":"new","thought":true},{"text":"newest"}]}]}
        """;

    assertThat(ChallengeSolver.promptOf(Sse.json(body))).isEqualTo("newest");
  }

  @Test
  void aBodyWithoutAPromptFieldHasAnEmptyPrompt() {
    assertThat(ChallengeSolver.promptOf(Sse.json("{\"model\":\"m\",\"prompt\":\"x\"}"))).isEmpty();
    assertThat(ChallengeSolver.promptOf(Sse.json("[1,2]"))).isEmpty();
    assertThat(ChallengeSolver.promptOf(null)).isEmpty();
  }
}
