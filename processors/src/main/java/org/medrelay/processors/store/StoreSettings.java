package org.medrelay.processors.store;

/**
 * Where the MedRelay store lives: an H2 file on the embedded defaults, PostgreSQL in production.
 *
 * @param jdbcUrl      e.g. {@code jdbc:h2:file:./data/store/medrelay;AUTO_SERVER=TRUE} or
 *                     {@code jdbc:postgresql://db:5432/medrelay}
 * @param maxPoolSize  connections kept open; the processing consumers and the ingest path share them
 */
public record StoreSettings(String jdbcUrl, String username, String password, int maxPoolSize) {
}
