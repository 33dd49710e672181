package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The OpenAI APIs: bearer key and OpenAI error objects. */
abstract sealed class OpenAiShapedProtocol extends BodyRoutedProtocol
    permits OpenAiChatProtocol, OpenAiResponsesProtocol {
  @Override
  public Optional<String> apiKey(RecordedRequest request) {
    return Protocol.bearer(request);
  }

  @Override
  public ObjectNode error(ErrorKind kind, String message) {
    return ErrorShapes.openAi(kind, message);
  }
}
