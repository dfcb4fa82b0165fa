package org.medrelay.routes.cli;

import org.medrelay.mappings.x12.X12Segment;

/**
 * What {@code medrelay x12 read} prints for one transaction set: it is given each segment from ST to SE and returns
 * one JSON document at SE. {@link X12ReadCommand#BY_TRANSACTION_SET} picks the implementation by ST01.
 */
interface TransactionJson {

    void segment(X12Segment segment);

    /** The JSON of the transaction set just ended, in the envelope it came in. */
    String json(X12Envelope envelope);

    /** ISA13, ISA06 and ISA08 (stripped) and the GS of the transaction set being printed. */
    record X12Envelope(String interchangeControlNumber, String sender, String receiver, String groupControlNumber,
                       String functionalId, String version) {
    }
}
