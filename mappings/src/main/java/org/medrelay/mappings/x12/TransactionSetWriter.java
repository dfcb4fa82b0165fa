package org.medrelay.mappings.x12;

import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Writes one transaction set in its own interchange: ISA/GS/ST, the body the caller writes, SE/GE/IEA, with
 * the next control numbers and SE01 counted: the envelope of the 270 ({@link Eligibility270Writer}) and of the 278
 * request ({@code x12.priorauth.PriorAuth278Writer}).
 */
public final class TransactionSetWriter {

    private final ControlNumbers controlNumbers;
    private final Clock clock;

    public TransactionSetWriter(ControlNumbers controlNumbers, Clock clock) {
        this.controlNumbers = controlNumbers;
        this.clock = clock;
    }

    /**
     * @param functionalId     GS01 (HI for a 278, HS for a 270)
     * @param transactionSetId ST01
     * @param guide            GS08 and ST03
     * @param body             writes the segments from BHT to the last before SE, given the time the envelope carries
     */
    public byte[] write(TradingPartners partners, X12Delimiters delimiters, String functionalId, String transactionSetId,
                        String guide, java.util.function.BiConsumer<SegmentWriter, ZonedDateTime> body) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        SegmentWriter out = new SegmentWriter(delimiters);
        long interchange = controlNumbers.next(ControlNumbers.Kind.INTERCHANGE);
        long group = controlNumbers.next(ControlNumbers.Kind.GROUP);
        String transaction = InterchangeEnvelope.transactionControlNumber(controlNumbers.next(ControlNumbers.Kind.TRANSACTION_SET));
        InterchangeEnvelope.isa(out, partners, interchange, now);
        InterchangeEnvelope.gs(out, functionalId, partners, group, now, guide);
        out.segment("ST", transactionSetId, transaction, guide);
        body.accept(out, now);
        out.segment("SE", String.valueOf(out.segmentsForTrailer()), transaction);
        InterchangeEnvelope.ge(out, 1, group);
        InterchangeEnvelope.iea(out, 1, interchange);
        return out.bytes();
    }
}
