package io.channelmonitor.probe;

import io.channelmonitor.FailureKind;
import java.util.regex.Pattern;

/** Maps a non-2xx status (and its body) to the failure kind a caller can act on. */
final class HttpStatusKinds {
  private static final Pattern MODEL_MISSING =
      Pattern.compile(
          "(?is).*(\\bmodel\\b.*\\b(not[ _]found|does not exist|not exist|unknown|invalid|"
              + "not supported|unsupported)\\b|\\b(unknown|invalid|unsupported) model\\b"
              + "|model_not_found).*");

  private HttpStatusKinds() {}

  static FailureKind kindOf(int status, String body) {
    if (status >= 300 && status < 400) {
      return FailureKind.REDIRECT;
    }
    if (status == 401 || status == 403) {
      return FailureKind.AUTH;
    }
    if (status == 429) {
      return FailureKind.RATE_LIMITED;
    }
    if (status == 404
        || ((status == 400 || status == 422) && MODEL_MISSING.matcher(body).matches())) {
      return FailureKind.MODEL_NOT_FOUND;
    }
    if (status >= 400 && status < 500) {
      return FailureKind.CLIENT_ERROR;
    }
    return status >= 500 && status < 600 ? FailureKind.UPSTREAM_5XX : FailureKind.PROTOCOL;
  }
}
