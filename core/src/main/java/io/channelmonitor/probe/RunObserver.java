package io.channelmonitor.probe;

import io.channelmonitor.CheckResult;
import io.channelmonitor.Monitor;
import java.util.List;

/** Sees every run after its results were stored: metrics and events. */
interface RunObserver {
  void observe(Monitor monitor, List<CheckResult> results);
}
