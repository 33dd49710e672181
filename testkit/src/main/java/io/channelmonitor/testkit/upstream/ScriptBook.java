package io.channelmonitor.testkit.upstream;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The behaviours scripted per model, with how many requests each has served. Thread-safe. */
final class ScriptBook {
  private static final Step HONEST = Step.of(Step.Kind.HONEST);

  private final Map<String, Script> byModel = new ConcurrentHashMap<>();
  private final AtomicReference<Script> fallback = new AtomicReference<>();

  /** Scripts {@code model}; its sequence starts over. */
  void script(String model, Behaviour behaviour) {
    byModel.put(Objects.requireNonNull(model, "model"), new Script(behaviour));
  }

  /** Scripts every model without its own script; the sequence starts over. */
  void scriptDefault(Behaviour behaviour) {
    fallback.set(new Script(behaviour));
  }

  void clear() {
    byModel.clear();
    fallback.set(null);
  }

  /** The step for the next request naming {@code model}. */
  Step next(String model) {
    Script script = byModel.get(model);
    if (script == null) {
      script = fallback.get();
    }
    return script == null ? HONEST : script.next();
  }

  private static final class Script {
    private final Behaviour behaviour;
    private final AtomicInteger served = new AtomicInteger();

    Script(Behaviour behaviour) {
      this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
    }

    Step next() {
      return behaviour.step(served.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : n + 1));
    }
  }
}
