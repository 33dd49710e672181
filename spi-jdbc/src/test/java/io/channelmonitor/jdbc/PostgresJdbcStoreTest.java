package io.channelmonitor.jdbc;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresJdbcStoreTest extends JdbcStoreChecks {
  @RegisterExtension static final PostgresDatabase DB = new PostgresDatabase();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  JdbcDialect expectedDialect() {
    return JdbcDialect.POSTGRESQL;
  }

  @Override
  DataSource unreachable(int port, String password) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"127.0.0.1"});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName("gone");
    dataSource.setUser("postgres");
    dataSource.setPassword(password);
    return dataSource;
  }
}
