package io.channelmonitor;

import java.util.function.Function;

/** Applies a patch to a stored configuration, giving a draft to validate as a whole. */
final class PatchMerger {
  private PatchMerger() {}

  static MonitorDraft merge(MonitorConfig current, MonitorPatch patch) {
    return new MonitorDraft(
        pick(patch.name(), current.name()),
        pick(patch.provider(), current.provider()),
        pick(patch.endpoint(), current.endpoint()),
        null,
        pick(patch.primaryModel(), current.primaryModel()),
        pick(patch.extraModels(), current.extraModels()),
        pick(patch.groupName(), current.groupName()),
        pick(patch.enabled(), current.enabled()),
        pick(patch.intervalSeconds(), current.intervalSeconds()),
        pick(patch.jitterSeconds(), current.jitterSeconds()),
        pick(patch.apiMode(), current.apiMode(), ApiMode::wire),
        pick(patch.extraHeaders(), current.extraHeaders()),
        pick(patch.bodyOverrideMode(), current.bodyOverrideMode(), BodyOverrideMode::wire),
        pick(patch.bodyOverride(), current.bodyOverride()),
        pick(patch.stream(), current.stream()));
  }

  private static <T> T pick(T patched, T current) {
    return patched != null ? patched : current;
  }

  private static <E> String pick(String patched, E current, Function<E, String> wire) {
    return patched != null ? patched : wire.apply(current);
  }
}
