package org.medrelay.processors.audit;

/**
 * An event as stored in the chain.
 *
 * @param id           its place in the chain, from 1, without gaps
 * @param previousHash the hash of entry {@code id - 1} (or the genesis value, or the purge anchor's)
 * @param hash         SHA-256 of the canonical content, previousHash included ({@link AuditEntryHash})
 */
public record AuditEntry(long id, AuditEvent event, String previousHash, String hash) {
}
