package org.medrelay.mappings.x12.remittance;

import org.medrelay.mappings.x12.X12Delimiters;
import org.medrelay.mappings.x12.X12Segment;

import java.util.List;

/** Collects table 1 of an 835 (BPR, TRN) and loops 1000A (N1*PR payer) and 1000B (N1*PE payee). */
final class RemittanceHeaderAssembler {

    private final String controlNumber;
    private final String guide;
    /** Until read, empty segments: a set without BPR or TRN is invalid and reported so by the validator. */
    private X12Segment bpr = empty("BPR");
    private X12Segment trn = empty("TRN");
    private Party payer = Party.NONE;
    private Party payee = Party.NONE;

    RemittanceHeaderAssembler(String controlNumber, String guide) {
        this.controlNumber = controlNumber;
        this.guide = guide;
    }

    void segment(X12Segment segment) {
        switch (segment.id()) {
            case "BPR" -> bpr = segment;
            case "TRN" -> trn = segment;
            case "N1" -> party(segment);
            default -> {
                // CUR, REF, DTM, N3, N4, PER, RDM are not needed downstream
            }
        }
    }

    private void party(X12Segment n1) {
        Party party = new Party(n1.element(2), "", n1.element(3), n1.element(4));
        if ("PR".equals(n1.element(1))) {
            payer = party;
        } else if ("PE".equals(n1.element(1))) {
            payee = party;
        }
    }

    private static X12Segment empty(String id) {
        return new X12Segment(id, 0, "", List.of(id), X12Delimiters.standard());
    }

    RemittanceAdvice build() {
        return new RemittanceAdvice(controlNumber, guide, bpr.element(1), X12Values.amount(bpr.element(2)),
                bpr.element(3), bpr.element(4), X12Values.date(bpr.element(16)), trn.element(2), trn.element(3),
                payer, payee);
    }
}
