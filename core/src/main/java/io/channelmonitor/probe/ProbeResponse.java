package io.channelmonitor.probe;

import java.io.InputStream;
import java.util.Optional;

/** The answer to a {@link ProbeRequest}, open while a {@link ResponseHandler} reads it. */
public interface ProbeResponse {
  /** The HTTP status code. */
  int status();

  /** The first value of a response header (case-insensitive name), if present. */
  Optional<String> header(String name);

  /**
   * The body, read through the transport's byte cap: once the cap is reached the stream ends and
   * {@link #truncated()} turns true. Reads past the request's deadline fail with an {@code
   * IOException}.
   */
  InputStream body();

  /** Whether the body was cut at the byte cap. */
  boolean truncated();
}
