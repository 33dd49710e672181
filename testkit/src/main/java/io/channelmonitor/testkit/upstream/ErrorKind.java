package io.channelmonitor.testkit.upstream;

/**
 * The errors the fake reports, with the HTTP status each one has when it is the response status.
 * Each protocol turns a kind into its own error JSON (see {@link ErrorShapes}).
 */
enum ErrorKind {
  BAD_REQUEST(400),
  UNAUTHENTICATED(401),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  TOO_LARGE(413),
  RATE_LIMITED(429),
  SERVER(500),
  OVERLOADED(529);

  private final int status;

  ErrorKind(int status) {
    this.status = status;
  }

  int status() {
    return status;
  }
}
