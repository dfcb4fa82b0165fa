package org.medrelay.processors.claims;

import org.medrelay.mappings.x12.claims.ClaimOnFile;

import java.time.Instant;

/** A claim on file as stored: its row id, the file it came in, its position there, when it was kept, and the claim. */
public record StoredClaim(long id, String sourceFile, int claimIndex, Instant receivedAt, ClaimOnFile claim) {
}
