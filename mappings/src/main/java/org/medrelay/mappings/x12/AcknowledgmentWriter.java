package org.medrelay.mappings.x12;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a receiver answers to an interchange: one interchange back, sender and receiver swapped, in the
 * delimiters it came with, holding a TA1 when the sender asked for one or the envelope is in error, and,
 * unless the envelope is rejected (TA104 R), one 999 per functional group in a GS*FA group each.
 */
public final class AcknowledgmentWriter {

    private final ControlNumbers controlNumbers;
    private final Clock clock;

    public AcknowledgmentWriter(ControlNumbers controlNumbers, Clock clock) {
        this.controlNumbers = controlNumbers;
        this.clock = clock;
    }

    public byte[] acknowledge(Interchange received) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<FunctionalGroup> groups = received.rejected() ? List.of() : received.groups();
        TradingPartners partners = TradingPartners.answering(received.header(), groups.isEmpty() ? null : groups.get(0).header());
        SegmentWriter out = new SegmentWriter(received.delimiters());
        long interchangeNumber = controlNumbers.next(ControlNumbers.Kind.INTERCHANGE);
        InterchangeEnvelope.isa(out, partners, interchangeNumber, now);
        if (InterchangeAck.due(received) || groups.isEmpty()) {
            InterchangeAck.write(out, received);
        }
        for (FunctionalGroup group : groups) {
            TradingPartners groupPartners = TradingPartners.answering(received.header(), group.header());
            long groupNumber = controlNumbers.next(ControlNumbers.Kind.GROUP);
            InterchangeEnvelope.gs(out, "FA", groupPartners, groupNumber, now, Acknowledgment999.GUIDE);
            String transactionNumber = InterchangeEnvelope.transactionControlNumber(controlNumbers.next(ControlNumbers.Kind.TRANSACTION_SET));
            Acknowledgment999.write(out, group, transactionNumber);
            InterchangeEnvelope.ge(out, 1, groupNumber);
        }
        InterchangeEnvelope.iea(out, groups.size(), interchangeNumber);
        return out.bytes();
    }
}
