package io.channelmonitor.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The builder's checks that need no database, and the dialect detection by product name. */
class JpaStoreBuilderTest {
  @Test
  void aJtaUnitIsRefused() {
    EntityManagerFactory jta = mock(EntityManagerFactory.class);
    when(jta.getTransactionType()).thenReturn(PersistenceUnitTransactionType.JTA);

    assertThatThrownBy(() -> JpaStore.builder(jta).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RESOURCE_LOCAL");
  }

  @Test
  void theBuilderRefusesNulls() {
    EntityManagerFactory factory = mock(EntityManagerFactory.class);

    assertThatThrownBy(() -> JpaStore.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JpaStore.builder(factory).clock(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JpaStore.builder(factory).dialect(null))
        .isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @CsvSource({"PostgreSQL, POSTGRESQL", " postgresql 17 , POSTGRESQL", "H2, H2", "h2, H2"})
  void theDialectFollowsTheProductName(String product, JpaDialect expected) {
    assertThat(JpaDialect.fromProductName(product)).isEqualTo(expected);
  }

  @Test
  void anUnsupportedProductIsNamedInTheError() {
    assertThatThrownBy(() -> JpaDialect.fromProductName("MySQL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'MySQL'")
        .hasMessageContaining("PostgreSQL, H2");
    assertThatThrownBy(() -> JpaDialect.fromProductName(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
