package org.medrelay.mappings.x12;

import java.util.List;

/** A functional group as received: its GS, its transaction sets, GE01 as sent, and its AK905 errors. */
public record FunctionalGroup(FunctionalGroupHeader header, List<TransactionSet> transactionSets,
                              String declaredTransactionCount, List<FunctionalGroupSyntaxError> syntaxErrors) {

    public FunctionalGroup {
        transactionSets = List.copyOf(transactionSets);
        syntaxErrors = List.copyOf(syntaxErrors);
    }

    public long acceptedCount() {
        return transactionSets.stream().filter(TransactionSet::accepted).count();
    }

    public boolean accepted() {
        return syntaxErrors.isEmpty() && acceptedCount() == transactionSets.size();
    }

    /** AK901: A all accepted, P some, R none or the group's own envelope is in error. */
    public String acknowledgmentCode() {
        if (!syntaxErrors.isEmpty() || acceptedCount() == 0 && !transactionSets.isEmpty()) {
            return "R";
        }
        return acceptedCount() == transactionSets.size() ? "A" : "P";
    }
}
