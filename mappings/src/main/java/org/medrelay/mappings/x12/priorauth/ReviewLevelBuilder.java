package org.medrelay.mappings.x12.priorauth;

import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.eligibility.RequestValidation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the segments of one 2000E or 2000F level of a 278 response (before its 2010 name loops). */
final class ReviewLevelBuilder {

    private final String loop;
    private final List<ReviewLevel.Trace> traces = new ArrayList<>();
    private String actionCode = "";
    private String certificationNumber = "";
    private String reasonCode = "";
    private Optional<ReviewLevel.Procedure> procedure = Optional.empty();
    private Optional<ReviewLevel.Quantity> units = Optional.empty();
    private Optional<ReviewLevel.Quantity> delivery = Optional.empty();
    private Optional<ReviewPeriod> serviceDates = Optional.empty();
    private Optional<ReviewPeriod> effective = Optional.empty();
    private Optional<ReviewPeriod> expiration = Optional.empty();
    private String administrativeReference = "";
    final List<RequestValidation> rejections = new ArrayList<>();

    ReviewLevelBuilder(String loop) {
        this.loop = loop;
    }

    void segment(X12Segment segment) {
        switch (segment.id()) {
            case "TRN" -> traces.add(new ReviewLevel.Trace(segment.element(1), segment.element(2), segment.element(3)));
            case "HCR" -> {
                actionCode = segment.element(1);
                certificationNumber = segment.element(2);
                reasonCode = segment.element(3);
            }
            case "REF" -> {
                if ("NT".equals(segment.element(1))) {
                    administrativeReference = segment.element(2);
                }
            }
            case "DTP" -> date(segment);
            case "SV1", "SV3" -> service(segment.id(), segment.components(1), segment.element(3), segment.element(4));
            case "SV2" -> service(segment.id(), segment.components(2), segment.element(4), segment.element(5));
            case "HSD" -> delivery = quantity(segment.element(1), segment.element(2));
            default -> {
                // UM echoes the request; HI, CRC, CL1, PWK, MSG are not part of the decision
            }
        }
    }

    private void date(X12Segment dtp) {
        Optional<ReviewPeriod> period = ReviewPeriod.of(dtp.element(2), dtp.element(3));
        switch (dtp.element(1)) {
            case "472", "AAH" -> serviceDates = period; // 2000F service date, 2000E event date
            case "007" -> effective = period;
            case "036" -> expiration = period;
            default -> {
                // 435 admission, 096 discharge, 102 issue, 439 accident...: not the certified span
            }
        }
    }

    private void service(String segmentId, List<String> composite, String unit, String quantity) {
        if (composite.size() >= 2) {
            procedure = Optional.of(new ReviewLevel.Procedure(segmentId, composite.get(0), composite.get(1)));
        }
        units = quantity(unit, quantity);
    }

    private static Optional<ReviewLevel.Quantity> quantity(String unit, String value) {
        try {
            return value.isEmpty() ? Optional.empty() : Optional.of(new ReviewLevel.Quantity(unit, new BigDecimal(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    ReviewLevel build() {
        return new ReviewLevel(loop, traces, actionCode, certificationNumber, reasonCode, procedure, units.or(() -> delivery),
                serviceDates, effective, expiration, administrativeReference, rejections);
    }
}
