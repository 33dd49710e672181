package io.channelmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {
  @Test
  void daysAreIsoDateLiterals() {
    assertThat(SqlLiterals.day(LocalDate.of(2026, 3, 1))).isEqualTo("DATE '2026-03-01'");
    assertThat(SqlLiterals.day(LocalDate.of(1, 1, 1))).isEqualTo("DATE '0001-01-01'");
  }

  @Test
  void instantsAreUtcTimestampsWithNanosecondsAndAnExplicitOffset() {
    assertThat(SqlLiterals.instant(Instant.parse("2026-03-31T00:00:00Z")))
        .isEqualTo("TIMESTAMP WITH TIME ZONE '2026-03-31 00:00:00.000000000+00:00'");
    assertThat(SqlLiterals.instant(Instant.parse("2026-12-31T23:59:59.123456789Z")))
        .isEqualTo("TIMESTAMP WITH TIME ZONE '2026-12-31 23:59:59.123456789+00:00'");
  }

  @Test
  void valuesOutsideTheFourDigitYearsAreRefused() {
    assertThatThrownBy(() -> SqlLiterals.day(LocalDate.of(10_000, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLiterals.day(LocalDate.of(0, 12, 31)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLiterals.instant(Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SqlLiterals.instant(Instant.parse("0000-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idsAreIntegerLiteralsAndNullIsRefused() {
    assertThat(SqlLiterals.ids(List.of(1L, -7L, Long.MAX_VALUE)))
        .isEqualTo("1, -7, 9223372036854775807");
    assertThatThrownBy(() -> SqlLiterals.ids(Arrays.asList(1L, null)))
        .isInstanceOf(NullPointerException.class);
  }
}
