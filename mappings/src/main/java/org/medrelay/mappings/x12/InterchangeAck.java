package org.medrelay.mappings.x12;

/**
 * The TA1 for a received interchange: TA101-TA103 repeat its ISA13, ISA09 and ISA10, TA104 is A, E or R,
 * TA105 the note code of its first envelope error (000 when none).
 */
final class InterchangeAck {

    private InterchangeAck() {
    }

    static void write(SegmentWriter out, Interchange received) {
        InterchangeHeader isa = received.header();
        out.segment("TA1", isa.controlNumber(), isa.date(), isa.time(), received.acknowledgmentCode(), received.note().code());
    }

    /** A TA1 goes back when the sender asked for one (ISA14 = 1) or the envelope has errors. */
    static boolean due(Interchange received) {
        return received.header().wantsInterchangeAcknowledgment() || !received.findings().isEmpty();
    }
}
