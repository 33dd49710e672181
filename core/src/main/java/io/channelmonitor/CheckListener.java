package io.channelmonitor;

import java.util.List;

/**
 * Hears about every run and every status change. Register with {@code
 * ChannelMonitor.builder().listener(...)}. Callbacks run on the thread that ran the check, after
 * the results were stored: keep them short and hand slow work (alerts, webhooks) to your own
 * executor. A listener that throws is logged and skipped; it never breaks a run or another
 * listener.
 */
public interface CheckListener {
  /** All results of one run of {@code monitor}, in model order. */
  default void onRun(Monitor monitor, List<CheckResult> results) {}

  /**
   * A model's status differs from its previous one (the first result of a model counts as a change
   * from null).
   */
  default void onStatusChange(StatusChange change) {}
}
