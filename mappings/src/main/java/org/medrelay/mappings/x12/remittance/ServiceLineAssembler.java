package org.medrelay.mappings.x12.remittance;

import org.medrelay.mappings.x12.X12Segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the segments of one loop 2110 (SVC to the next SVC, CLP, LX, PLB or SE) into a ServiceLinePayment. */
final class ServiceLineAssembler {

    private final X12Segment svc;
    private final List<Adjustment> adjustments = new ArrayList<>(2);
    private final List<String> remarks = new ArrayList<>(1);
    private Optional<LocalDate> start = Optional.empty();
    private Optional<LocalDate> end = Optional.empty();
    private String lineControlNumber = "";
    private Optional<BigDecimal> allowed = Optional.empty();

    ServiceLineAssembler(X12Segment svc) {
        this.svc = svc;
    }

    void segment(X12Segment segment) {
        switch (segment.id()) {
            case "CAS" -> adjustments.addAll(AdjustmentSegment.read(segment));
            case "DTM" -> date(segment);
            // LQ01 HE: claim payment remark code (RARC); RX is an NCPDP reject code, not a RARC
            case "LQ" -> {
                if ("HE".equals(segment.element(1)) && !segment.element(2).isEmpty()) {
                    remarks.add(segment.element(2));
                }
            }
            case "REF" -> {
                if ("6R".equals(segment.element(1))) {
                    lineControlNumber = segment.element(2);
                }
            }
            case "AMT" -> {
                if ("B6".equals(segment.element(1))) {
                    allowed = X12Values.decimal(segment.element(2));
                }
            }
            default -> {
                // QTY and the other REFs are not needed downstream
            }
        }
    }

    /** DTM*472 service date; DTM*150/151 service period start/end. */
    private void date(X12Segment dtm) {
        Optional<LocalDate> date = X12Values.date(dtm.element(2));
        switch (dtm.element(1)) {
            case "472" -> {
                start = date;
                end = date;
            }
            case "150" -> start = date;
            case "151" -> end = date;
            default -> {
            }
        }
    }

    ServiceLinePayment build() {
        List<String> procedure = svc.components(1);
        String qualifier = procedure.isEmpty() ? "" : procedure.get(0);
        String code = procedure.size() > 1 ? procedure.get(1) : "";
        List<String> modifiers = procedure.size() > 2
                ? procedure.subList(2, Math.min(procedure.size(), 6)).stream().filter(m -> !m.isEmpty()).toList() : List.of();
        return new ServiceLinePayment(qualifier, code, modifiers, X12Values.amount(svc.element(2)),
                X12Values.amount(svc.element(3)), X12Values.decimal(svc.element(5)), start, end.or(() -> start),
                adjustments, remarks, lineControlNumber, allowed);
    }
}
