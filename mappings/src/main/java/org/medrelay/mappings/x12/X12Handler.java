package org.medrelay.mappings.x12;

/**
 * What an {@link X12Reader} reports while it streams a file: each segment as it is read, and each
 * transaction set, functional group and interchange once its trailer has been checked. Nothing is kept
 * beyond the summaries, so an 835 of thousands of claims is processed claim by claim.
 */
public interface X12Handler {

    default void interchangeStarted(X12Delimiters delimiters) {
    }

    default void segment(X12Segment segment) {
    }

    default void transactionSetEnded(FunctionalGroupHeader group, TransactionSet transactionSet) {
    }

    default void functionalGroupEnded(FunctionalGroup group) {
    }

    default void interchangeEnded(Interchange interchange) {
    }
}
