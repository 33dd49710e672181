package io.channelmonitor.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelmonitor.jdbc.JdbcClusterCoordinator;
import io.channelmonitor.jdbc.JdbcDialect;
import io.channelmonitor.jdbc.JdbcStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * A data source that hands out the caller's transactional connection would have the JDBC store
 * commit the caller's work: the store and the cluster coordinator refuse it when built.
 */
class TransactionJoiningDataSourceTest {
  @Test
  void aTransactionAwareProxyIsRefusedAtBuildTimeAndThePoolBehindItWorks() {
    JdbcDataSource pool = new JdbcDataSource();
    pool.setURL("jdbc:h2:mem:transaction-joining;DB_CLOSE_DELAY=-1");
    TransactionAwareDataSourceProxy proxy = new TransactionAwareDataSourceProxy(pool);

    assertThatThrownBy(() -> JdbcStore.builder(proxy).createSchemaIfMissing(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TransactionAwareDataSourceProxy")
        .hasMessageContaining("getTargetDataSource()");
    assertThatThrownBy(() -> JdbcClusterCoordinator.builder(proxy).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TransactionAwareDataSourceProxy");
    assertThat(
            JdbcStore.builder(proxy.getTargetDataSource())
                .createSchemaIfMissing(true)
                .build()
                .dialect())
        .isEqualTo(JdbcDialect.H2);
  }
}
