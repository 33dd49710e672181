package io.channelmonitor.probe;

/**
 * What a checker read from a complete 2xx answer: the model's text, or an error the body carried.
 *
 * @param text the answer text (reasoning left out), empty when none; null when {@code error} is set
 * @param error the error message the body carried, or null
 */
public record Reply(String text, String error) {
  public static Reply text(String text) {
    return new Reply(text == null ? "" : text, null);
  }

  public static Reply error(String message) {
    return new Reply(null, message == null || message.isBlank() ? "error object in body" : message);
  }

  public boolean isError() {
    return error != null;
  }
}
