package io.channelmonitor.testkit.upstream;

import java.io.IOException;

/** Where a protocol writes its stream; the behaviour in charge decides what reaches the client. */
interface EventSink {
  void emit(SseEvent event) throws IOException;
}
