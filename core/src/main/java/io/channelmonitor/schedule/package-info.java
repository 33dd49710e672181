/**
 * Scheduling: {@link io.channelmonitor.schedule.MonitorScheduler} keeps one timer per enabled
 * monitor on a {@link io.channelmonitor.schedule.TaskTimer} and runs due checks on a bounded worker
 * stage. Each fire passes the global switch ({@link io.channelmonitor.schedule.SettingsProvider}),
 * the per-monitor guard ({@link io.channelmonitor.schedule.InFlightGuard}) and the cluster claim
 * ({@link io.channelmonitor.schedule.ClusterCoordinator}) before a check is queued.
 */
package io.channelmonitor.schedule;
