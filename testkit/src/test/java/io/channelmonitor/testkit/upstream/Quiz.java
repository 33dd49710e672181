package io.channelmonitor.testkit.upstream;

import java.util.List;

/** Challenge prompts in the library's exact format, with their answers. */
record Quiz(String prompt, String answer, List<String> sameCategory) {
  static final String INTRO = "Read the notes, then answer the question with one word only.";

  static final List<String> NOTES =
      List.of(
          "- The red fox sleeps in the barn.",
          "- The blue owl hides in the attic.",
          "- The green frog sings in the garden.",
          "- The gray wolf waits in the cellar.",
          "- The pink deer runs in the forest.");

  static final List<String> ANIMALS = List.of("fox", "owl", "frog", "wolf", "deer");
  static final List<String> PLACES = List.of("barn", "attic", "garden", "cellar", "forest");
  static final List<String> COLORS = List.of("red", "blue", "green", "gray", "pink");

  /** "Which animal hides in the attic?": Owl. */
  static Quiz whichAnimal() {
    return new Quiz(prompt(NOTES, "Which animal hides in the attic?"), "owl", ANIMALS);
  }

  /** "Where is the gray wolf?": Cellar. */
  static Quiz whereIs() {
    return new Quiz(prompt(NOTES, "Where is the gray wolf?"), "cellar", PLACES);
  }

  /** "What color is the frog?": Green. */
  static Quiz whatColor() {
    return new Quiz(prompt(NOTES, "What color is the frog?"), "green", COLORS);
  }

  static String prompt(List<String> notes, String question) {
    return INTRO
        + "\nNotes:\n"
        + String.join("\n", notes)
        + "\nQuestion: "
        + question
        + "\nAnswer:";
  }

  /** The reply an honest model gives: {@code Owl.} */
  String reply() {
    return Character.toUpperCase(answer.charAt(0)) + answer.substring(1) + ".";
  }
}
