package io.channelmonitor.probe;

import java.io.IOException;

/** Reads a {@link ProbeResponse} while the connection is open. */
@FunctionalInterface
public interface ResponseHandler<T> {
  T handle(ProbeResponse response) throws IOException;
}
