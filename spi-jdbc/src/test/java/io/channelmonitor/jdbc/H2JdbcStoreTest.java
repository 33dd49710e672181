package io.channelmonitor.jdbc;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2JdbcStoreTest extends JdbcStoreChecks {
  @RegisterExtension static final H2Database DB = new H2Database();

  @Override
  TestDatabase db() {
    return DB;
  }

  @Override
  JdbcDialect expectedDialect() {
    return JdbcDialect.H2;
  }

  @Override
  DataSource unreachable(int port, String password) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:gone");
    dataSource.setUser("sa");
    dataSource.setPassword(password);
    return dataSource;
  }
}
