package io.channelmonitor.testkit.probe;

import io.channelmonitor.ApiMode;
import io.channelmonitor.CheckStatus;
import io.channelmonitor.FailureKind;
import io.channelmonitor.testkit.upstream.Behaviour;
import java.util.function.Supplier;

/**
 * One row of the probing matrix: a provider flavour, streamed or not, an upstream behaviour, and
 * the verdict a user must see.
 */
record ProbeScenario(
    String provider,
    ApiMode apiMode,
    boolean stream,
    String behaviourName,
    Supplier<Behaviour> behaviour,
    CheckStatus status,
    FailureKind kind) {

  /** The model name the fake upstream is scripted for; unique per row. */
  String model() {
    return "m-"
        + provider
        + "-"
        + apiMode.wire()
        + "-"
        + (stream ? "sse" : "json")
        + "-"
        + behaviourName;
  }

  @Override
  public String toString() {
    String flavour = apiMode == ApiMode.RESPONSES ? "openai-responses" : provider;
    return flavour
        + (stream ? " stream " : " json ")
        + behaviourName
        + " -> "
        + status.wire()
        + "/"
        + kind.wire();
  }
}
