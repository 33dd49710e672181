package io.channelmonitor.probe;

/**
 * Makes the question a probe asks and judges the answer. The question must be fresh for every probe
 * and its answer known, so a relay that returns a canned reply, echoes the prompt or computes
 * something locally fails. The default is {@link WordChallenge}.
 */
public interface Challenge {
  /** A new question. Called once per probe, from many threads. */
  Question next();

  /**
   * A question and how to judge a reply.
   *
   * @param prompt the text sent to the model
   * @param expected the answer a model must give (shown in mismatch messages)
   * @param judge decides whether a reply passes
   */
  record Question(String prompt, String expected, Judge judge) {
    public boolean accepts(String reply) {
      return judge.accepts(reply);
    }
  }

  /** Decides whether a reply to one question passes. */
  @FunctionalInterface
  interface Judge {
    boolean accepts(String reply);
  }
}
