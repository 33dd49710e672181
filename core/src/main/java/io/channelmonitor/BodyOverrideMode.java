package io.channelmonitor;

/** How a monitor's body override changes the probe request body. */
public enum BodyOverrideMode implements WireValue {
  /** The provider's default body. */
  OFF,
  /** Top-level keys of the override are merged over the default body, except protected keys. */
  MERGE,
  /** The override is sent as is; the challenge is skipped and any non-blank answer passes. */
  REPLACE;

  @Override
  public String wire() {
    return WireValue.lowerName(this);
  }
}
