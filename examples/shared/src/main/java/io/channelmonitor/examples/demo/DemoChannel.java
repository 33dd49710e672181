package io.channelmonitor.examples.demo;

import io.channelmonitor.testkit.upstream.Behaviour;
import java.util.Objects;

/**
 * One channel the demos watch: a monitor's name, provider and model, and how the fake upstream
 * answers for it.
 *
 * @param name the monitor's name, unique among the demo's monitors
 * @param provider {@code openai}, {@code anthropic} or {@code gemini}
 * @param model the model the monitor probes; the fake upstream scripts its answers by model
 * @param stream whether the probe streams (and so records the time to the first token)
 * @param behaviour how the fake upstream answers requests for {@code model}
 * @param plays what the channel stands for, in a few words
 */
public record DemoChannel(
    String name, String provider, String model, boolean stream, Behaviour behaviour, String plays) {

  public DemoChannel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(plays, "plays");
  }

  /** This channel under another name (a replica of it). */
  public DemoChannel named(String newName) {
    return new DemoChannel(newName, provider, model, stream, behaviour, plays);
  }

  /** A made-up key for the fake upstream, which accepts any; never a real provider's key. */
  public String fakeApiKey() {
    return "sk-demo-" + provider + "-" + Integer.toHexString(name.hashCode()) + "-not-a-real-key";
  }
}
