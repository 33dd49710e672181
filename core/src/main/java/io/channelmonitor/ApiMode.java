package io.channelmonitor;

/** Which OpenAI API a monitor probes. Only {@code openai} monitors may use {@link #RESPONSES}. */
public enum ApiMode implements WireValue {
  CHAT_COMPLETIONS,
  RESPONSES;

  @Override
  public String wire() {
    return WireValue.lowerName(this);
  }
}
