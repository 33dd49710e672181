/**
 * {@link io.channelmonitor.jpa.JpaStore}: the library's storage over a JPA {@code
 * EntityManagerFactory}, for PostgreSQL and H2, through the {@code jakarta.persistence} API only.
 * Its entities live in {@link io.channelmonitor.jpa.entity}, a package of their own that hosts
 * register with their persistence unit.
 */
package io.channelmonitor.jpa;
