package io.channelmonitor;

/** The save-time endpoint check: returns the canonical endpoint or refuses with a reason code. */
@FunctionalInterface
interface EndpointCheck {
  /**
   * @throws MonitorValidationException with an endpoint reason code when {@code raw} is refused
   */
  String canonical(String raw);
}
