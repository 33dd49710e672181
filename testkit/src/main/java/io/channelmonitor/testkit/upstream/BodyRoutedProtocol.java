package io.channelmonitor.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A protocol that names the model and the stream flag in the JSON body (OpenAI, Anthropic). */
abstract sealed class BodyRoutedProtocol implements Protocol
    permits OpenAiShapedProtocol, AnthropicProtocol {
  @Override
  public Optional<String> model(Route route, JsonNode body) {
    return Protocol.bodyModel(body);
  }

  @Override
  public boolean streaming(Route route, JsonNode body) {
    return Protocol.bodyStream(body);
  }
}
