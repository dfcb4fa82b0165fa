package org.medrelay.mappings.x12.remittance;

import org.medrelay.mappings.x12.X12Segment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the segments of one loop 2100 (CLP up to the next CLP, LX, PLB or SE) into a ClaimPayment. */
final class ClaimAssembler {

    /** MOA03-MOA07: claim payment remark codes (outpatient). */
    private static final int[] MOA_REMARKS = {3, 4, 5, 6, 7};
    /** MIA05 and MIA20-MIA23: claim payment remark codes (inpatient). */
    private static final int[] MIA_REMARKS = {5, 20, 21, 22, 23};

    private final X12Segment clp;
    private final List<Adjustment> adjustments = new ArrayList<>(2);
    private final List<String> remarks = new ArrayList<>(1);
    private final List<ServiceLinePayment> lines = new ArrayList<>(4);
    private ServiceLineAssembler line;
    private Party patient = Party.NONE;
    private Party insured = Party.NONE;
    private Party correctedInsured = Party.NONE;
    private Party correctedPayer = Party.NONE;
    private Optional<LocalDate> from = Optional.empty();
    private Optional<LocalDate> to = Optional.empty();
    private Optional<LocalDate> received = Optional.empty();

    ClaimAssembler(X12Segment clp) {
        this.clp = clp;
    }

    void segment(X12Segment segment) {
        if ("SVC".equals(segment.id())) {
            endLine();
            line = new ServiceLineAssembler(segment);
        } else if (line != null) {
            line.segment(segment);
        } else {
            claimSegment(segment);
        }
    }

    private void claimSegment(X12Segment segment) {
        switch (segment.id()) {
            case "CAS" -> adjustments.addAll(AdjustmentSegment.read(segment));
            case "NM1" -> name(segment);
            case "MOA" -> remarks(segment, MOA_REMARKS);
            case "MIA" -> remarks(segment, MIA_REMARKS);
            case "DTM" -> date(segment);
            default -> {
                // REF, PER, AMT, QTY of loop 2100 are not needed downstream
            }
        }
    }

    private void name(X12Segment nm1) {
        Party party = new Party(nm1.element(3), nm1.element(4), nm1.element(8), nm1.element(9));
        switch (nm1.element(1)) {
            case "QC" -> patient = party;
            case "IL" -> insured = party;
            case "74" -> correctedInsured = party;
            case "PR" -> correctedPayer = party;
            default -> {
                // 82 rendering provider, TT crossover carrier, GB other subscriber
            }
        }
    }

    private void remarks(X12Segment segment, int[] positions) {
        for (int position : positions) {
            if (!segment.element(position).isEmpty()) {
                remarks.add(segment.element(position));
            }
        }
    }

    /** DTM*232/233 statement period, DTM*050 claim received by the payer. */
    private void date(X12Segment dtm) {
        Optional<LocalDate> date = X12Values.date(dtm.element(2));
        switch (dtm.element(1)) {
            case "232" -> from = date;
            case "233" -> to = date;
            case "050" -> received = date;
            default -> {
            }
        }
    }

    private void endLine() {
        if (line != null) {
            lines.add(line.build());
            line = null;
        }
    }

    ClaimPayment build() {
        endLine();
        return new ClaimPayment(clp.element(1), clp.element(2), X12Values.amount(clp.element(3)),
                X12Values.amount(clp.element(4)), X12Values.decimal(clp.element(5)), clp.element(6), clp.element(7),
                patient, insured, adjustments, remarks, from, to, received, lines, correctedInsured, correctedPayer);
    }
}
