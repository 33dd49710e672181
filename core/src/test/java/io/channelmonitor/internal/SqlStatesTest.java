package io.channelmonitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelmonitor.StoreException.Kind;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlStatesTest {
  @Test
  void dataAndConstraintErrorsAreRefusedValues() {
    for (String state :
        new String[] {"22001", "22P02", "22021", "23502", "23503", "23505", "23513"}) {
      assertThat(SqlStates.kindOf(sql(state))).as(state).isEqualTo(Kind.REFUSED_VALUE);
      assertThat(SqlStates.refusesValue(sql(state))).as(state).isTrue();
    }
  }

  @Test
  void connectionRollbackResourceAndOperatorClassesAreUnavailable() {
    for (String state :
        new String[] {"08001", "08006", "40001", "40P01", "53300", "57P01", "57014"}) {
      assertThat(SqlStates.kindOf(sql(state))).as(state).isEqualTo(Kind.UNAVAILABLE);
      assertThat(SqlStates.refusesValue(sql(state))).as(state).isFalse();
    }
  }

  @Test
  void h2sLostServerAndClosedDatabaseAreUnavailable() {
    for (String state : new String[] {"90067", "90098", "90121"}) {
      assertThat(SqlStates.kindOf(new SQLNonTransientConnectionException("x", state)))
          .as(state)
          .isEqualTo(Kind.UNAVAILABLE);
    }
  }

  @Test
  void jdbcsRetryableExceptionTypesAreUnavailableWhateverTheirState() {
    assertThat(SqlStates.kindOf(new SQLTransientConnectionException("pool timed out")))
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(SqlStates.kindOf(new SQLTimeoutException("lock timeout", "HYT00")))
        .isEqualTo(Kind.UNAVAILABLE);
    assertThat(SqlStates.kindOf(new SQLRecoverableException("gone"))).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void otherStatesNoStateAndNoSqlExceptionAreOther() {
    for (String state : new String[] {"42P01", "42S02", "28P01", "0A000", "90046", "HY000"}) {
      assertThat(SqlStates.kindOf(sql(state))).as(state).isEqualTo(Kind.OTHER);
    }
    assertThat(SqlStates.kindOf(new SQLException("no state"))).isEqualTo(Kind.OTHER);
    assertThat(SqlStates.kindOf(new IllegalStateException("no SQL"))).isEqualTo(Kind.OTHER);
    assertThat(SqlStates.kindOf(null)).isEqualTo(Kind.OTHER);
    assertThat(SqlStates.firstState(new IllegalStateException("no SQL"))).isNull();
  }

  @Test
  void aStateIsFoundAmongWrappingCausesAsAProviderChainsThem() {
    RuntimeException provider = new RuntimeException("could not execute statement", sql("23514"));
    RuntimeException wrapped = new IllegalStateException("commit failed", provider);

    assertThat(SqlStates.kindOf(wrapped)).isEqualTo(Kind.REFUSED_VALUE);
    assertThat(SqlStates.firstState(wrapped)).isEqualTo("23514");
  }

  @Test
  void aStateIsFoundAmongNextExceptionsOfABatch() {
    BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0]);
    batch.setNextException(sql("22001"));

    assertThat(SqlStates.kindOf(batch)).isEqualTo(Kind.REFUSED_VALUE);
    assertThat(SqlStates.firstState(batch)).isEqualTo("22001");
  }

  @Test
  void aRefusedValueWinsOverAnUnavailableStateInTheSameChain() {
    SQLException top = sql("08006");
    top.setNextException(sql("23505"));

    assertThat(SqlStates.kindOf(top)).isEqualTo(Kind.REFUSED_VALUE);
    assertThat(SqlStates.firstState(top)).isEqualTo("08006");
    assertThat(SqlStates.isUniqueViolation(top)).isTrue();
    assertThat(SqlStates.isUniqueViolation(sql("23503"))).isFalse();
  }

  @Test
  void aCyclicChainEnds() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);

    assertThat(SqlStates.kindOf(first)).isEqualTo(Kind.OTHER);
    assertThat(SqlStates.firstState(first)).isNull();
  }

  private static SQLException sql(String state) {
    return new SQLException("refused", state);
  }
}
