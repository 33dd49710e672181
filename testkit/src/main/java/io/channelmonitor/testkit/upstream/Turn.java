package io.channelmonitor.testkit.upstream;

/**
 * One request the fake is answering, with everything a behaviour needs.
 *
 * @param protocol the provider API of the request
 * @param step the scripted step that answers it
 * @param call ids, model and token counts for the answer's JSON
 * @param streaming whether the request asked for an event stream
 * @param prompt the prompt text found in the request ("" when none)
 * @param apiKey the key the request carried
 * @param out where the response goes
 */
record Turn(
    Protocol protocol,
    Step step,
    Call call,
    boolean streaming,
    String prompt,
    String apiKey,
    HttpOut out) {

  /** The protocol's error JSON as text. */
  String error(ErrorKind kind, String message) {
    return protocol.error(kind, message).toString();
  }
}
