package org.medrelay.mappings.x12;

import java.util.List;

/**
 * A functional group as received: its GS, how many transaction sets it held, their summaries, GE01 as sent, and its
 * AK905 errors. Read by {@link X12Reader#mappingOnly} the summaries are those of the transaction sets in error only
 * (so the group costs no memory per accepted set); otherwise every set's summary is there, as a 999 needs.
 */
public record FunctionalGroup(FunctionalGroupHeader header, int receivedCount, List<TransactionSet> transactionSets,
                              String declaredTransactionCount, List<FunctionalGroupSyntaxError> syntaxErrors) {

    public FunctionalGroup {
        transactionSets = List.copyOf(transactionSets);
        syntaxErrors = List.copyOf(syntaxErrors);
    }

    /** A group with every transaction set's summary. */
    public FunctionalGroup(FunctionalGroupHeader header, List<TransactionSet> transactionSets,
                           String declaredTransactionCount, List<FunctionalGroupSyntaxError> syntaxErrors) {
        this(header, transactionSets.size(), transactionSets, declaredTransactionCount, syntaxErrors);
    }

    public long acceptedCount() {
        return receivedCount - transactionSets.stream().filter(set -> !set.accepted()).count();
    }

    public boolean accepted() {
        return syntaxErrors.isEmpty() && acceptedCount() == receivedCount;
    }

    /** AK901: A all accepted, P some, R none or the group's own envelope is in error. */
    public String acknowledgmentCode() {
        if (!syntaxErrors.isEmpty() || acceptedCount() == 0 && receivedCount > 0) {
            return "R";
        }
        return acceptedCount() == receivedCount ? "A" : "P";
    }
}
