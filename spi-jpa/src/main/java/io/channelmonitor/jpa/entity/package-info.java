/**
 * The JPA entities of the store's five tables and the converters they use, listed in {@link
 * io.channelmonitor.jpa.JpaStore#ENTITY_CLASSES}. A host's persistence unit must manage them: list
 * them, or scan this package (Spring Boot: {@code @EntityScan(basePackageClasses =
 * MonitorEntity.class)} together with the application's own packages). They map the tables of the
 * JDBC store's schema scripts column for column; the store only inserts and reads them, and writes
 * everything else with JPQL or native statements.
 */
package io.channelmonitor.jpa.entity;
