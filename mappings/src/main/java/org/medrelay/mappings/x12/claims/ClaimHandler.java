package org.medrelay.mappings.x12.claims;

import org.medrelay.mappings.x12.TransactionSet;

/**
 * What a {@link ClaimReader} hands over while it streams an 837: each claim as soon as its last segment is read,
 * and each transaction set's validation outcome once SE is checked. A caller that must not keep claims of an
 * invalid file validates it first ({@code X12Validator}) or holds them until {@code claimsEnded} says the set was
 * accepted.
 */
public interface ClaimHandler {

    void claim(ClaimOnFile claim);

    default void claimsEnded(TransactionSet validated) {
    }
}
