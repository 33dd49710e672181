/**
 * A deterministic driver for {@link io.channelmonitor.schedule.MonitorScheduler}: {@link
 * io.channelmonitor.testkit.schedule.ManualTaskTimer} runs due tasks when the test moves a {@link
 * io.channelmonitor.testkit.ManualClock}, and {@link
 * io.channelmonitor.testkit.schedule.ManualScheduler} builds a scheduler on it that runs checks on
 * the calling thread. No threads, no sleeping.
 */
package io.channelmonitor.testkit.schedule;
