/**
 * History and availability: the daily {@link io.channelmonitor.history.RollupJob} that turns raw
 * results into per-day rollups and prunes both, and the {@link
 * io.channelmonitor.history.AvailabilityCalculator} that reads rollups up to the watermark plus raw
 * results after it. Days are always UTC days, whatever the clock's or the JVM's time zone.
 */
package io.channelmonitor.history;
