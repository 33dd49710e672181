package io.channelmonitor;

/** The verdict of one check of one model. */
public enum CheckStatus implements WireValue {
  /** Answered correctly and in time. */
  OPERATIONAL,
  /** Answered correctly but slower than the degraded threshold. */
  DEGRADED,
  /** Answered 2xx but the answer was wrong or empty. */
  FAILED,
  /** No usable answer: transport error, non-2xx, blocked, protocol error. */
  ERROR;

  @Override
  public String wire() {
    return WireValue.lowerName(this);
  }

  /** Whether this status counts as available: operational or degraded. */
  public boolean available() {
    return this == OPERATIONAL || this == DEGRADED;
  }
}
