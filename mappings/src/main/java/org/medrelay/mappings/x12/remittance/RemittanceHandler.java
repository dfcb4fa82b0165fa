package org.medrelay.mappings.x12.remittance;

import org.medrelay.mappings.x12.TransactionSet;

/**
 * What a {@link RemittanceReader} hands over while it streams an 835: the header of each transaction set once
 * its payer and payee are read, each claim as soon as its last segment is read, and the transaction set's
 * validation outcome once SE is checked. A caller that must not act on an invalid file validates it first
 * ({@code X12Validator}) or holds its actions until {@code remittanceEnded} says the set was accepted.
 */
public interface RemittanceHandler {

    default void remittanceStarted(RemittanceAdvice advice) {
    }

    void claim(RemittanceAdvice advice, ClaimPayment claim);

    default void remittanceEnded(RemittanceAdvice advice, TransactionSet validated) {
    }
}
