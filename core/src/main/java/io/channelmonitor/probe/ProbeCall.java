package io.channelmonitor.probe;

import io.channelmonitor.Monitor;
import java.util.Objects;

/**
 * One probe of one model, as a checker sees it.
 *
 * @param monitor the monitor, with its decrypted key
 * @param model the model to probe
 * @param prompt the challenge prompt
 * @param maxOutputTokens the output token cap for this model
 * @param stream whether to ask for a streamed (SSE) answer
 */
public record ProbeCall(
    Monitor monitor, String model, String prompt, int maxOutputTokens, boolean stream) {
  public ProbeCall {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
  }

  /** The clear-text API key, for the auth header. */
  public String apiKey() {
    return monitor.apiKey().reveal();
  }
}
