package io.channelmonitor.history;

/** One model of one monitor, as a map key. */
record ModelKey(long monitorId, String model) {}
