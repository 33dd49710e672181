package io.channelmonitor.schedule;

/**
 * A due run on its way through {@link MonitorScheduler}'s checks: the fire of a monitor's timer
 * ({@link TimerRun}) or a run claimed from a shared schedule ({@link ClaimedRun}). The scheduler
 * decides the same way for both; these methods are what differs.
 */
interface DueRun {
  long monitorId();

  /** Takes the run's claim: false when another instance runs it, or the claim failed. */
  boolean claim();

  /** The round is skipped before {@link #claim()} (switch off, in flight). */
  void skipped();

  /** Runs the check on a worker; its exceptions reach the scheduler. */
  void run();

  /** The monitor cannot run any more: its key cannot be decrypted, or it was deleted. */
  void unrunnable();

  /**
   * The claimed run ended after {@link #run()}, or never started ({@code dropped}: no free worker,
   * or the scheduler stops).
   */
  void ended(boolean dropped);
}
