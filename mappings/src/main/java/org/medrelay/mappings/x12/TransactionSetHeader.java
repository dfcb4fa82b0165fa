package org.medrelay.mappings.x12;

import java.util.List;

/** The ST segment: transaction set id (270, 271, 999...), ST02 control number, ST03 implementation guide. */
public record TransactionSetHeader(String id, String controlNumber, String implementationReference) {

    static TransactionSetHeader of(List<String> st) {
        return new TransactionSetHeader(InterchangeHeader.at(st, 1), InterchangeHeader.at(st, 2), InterchangeHeader.at(st, 3));
    }

    /** ST03, or, for senders that leave it out, the GS08 of the group. */
    public String guide(FunctionalGroupHeader group) {
        return implementationReference.isEmpty() ? group.version() : implementationReference;
    }
}
