package io.channelmonitor.testkit.upstream;

/**
 * The facts about one answered request that every protocol's JSON needs.
 *
 * @param token a random token the protocols turn into ids ({@code chatcmpl-}, {@code msg_}, ...)
 * @param model the model the request named
 * @param created the answer's creation time in epoch seconds
 * @param promptTokens a rough token count of the prompt, for usage blocks
 */
record Call(String token, String model, long created, int promptTokens) {
  /** About four characters a token, at least one. */
  static int tokens(String text) {
    return Math.max(1, (text.length() + 3) / 4);
  }
}
