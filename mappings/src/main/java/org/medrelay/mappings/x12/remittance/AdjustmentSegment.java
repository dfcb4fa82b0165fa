package org.medrelay.mappings.x12.remittance;

import org.medrelay.mappings.x12.X12Segment;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CAS segment: CAS01 the group, then up to six triples CAS02-04, CAS05-07 ... CAS17-19 of reason code
 * (CARC), amount and quantity (005010X221A1 loops 2100 and 2110). A triple without a reason code ends the list.
 */
final class AdjustmentSegment {

    private static final int FIRST_REASON = 2;
    private static final int TRIPLES = 6;

    private AdjustmentSegment() {
    }

    static List<Adjustment> read(X12Segment cas) {
        String group = cas.element(1);
        List<Adjustment> adjustments = new ArrayList<>(1);
        for (int i = 0; i < TRIPLES; i++) {
            int reason = FIRST_REASON + 3 * i;
            String carc = cas.element(reason);
            if (carc.isEmpty()) {
                break;
            }
            adjustments.add(new Adjustment(group, carc, X12Values.amount(cas.element(reason + 1)),
                    X12Values.decimal(cas.element(reason + 2))));
        }
        return adjustments;
    }
}
