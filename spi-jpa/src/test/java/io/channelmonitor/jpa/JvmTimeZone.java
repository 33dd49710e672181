package io.channelmonitor.jpa;

import java.util.TimeZone;
import org.h2.util.DateTimeUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one test class with another JVM default time zone and restores the original after it. H2
 * caches the JVM's zone when it first needs it, so its cache is reset on each change: otherwise the
 * classes that run later would meet an H2 that still converts dates in this class's zone.
 */
final class JvmTimeZone implements BeforeAllCallback, AfterAllCallback {
  private final String zone;
  private TimeZone original;

  JvmTimeZone(String zone) {
    this.zone = zone;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    original = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    DateTimeUtils.resetCalendar();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    TimeZone.setDefault(original);
    DateTimeUtils.resetCalendar();
  }
}
