package org.medrelay.mappings.x12.priorauth;

import org.medrelay.mappings.x12.eligibility.RequestValidation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The review of one level of a 278 response: the patient event (2000E) or one service (2000F).
 *
 * @param loop                   2000E or 2000F
 * @param traceNumbers           TRN02 of each TRN: TRN01 2 echoes the requester's trace, TRN01 1 is the UMO's own
 * @param actionCode             HCR01 as sent (A1, A3, A4...; empty when the level carries no HCR)
 * @param certificationNumber    HCR02, the UMO's authorization/certification number (empty when none was issued)
 * @param reasonCode             HCR03, the review decision reason code (X12 external code list 886)
 * @param procedure              SV101 (SV202 institutional, SV301 dental) qualifier and code, e.g. HC and 72148
 * @param quantity               SV104 (SV205) units, else HSD02 with HSD01 (VS visits, DY days)
 * @param serviceDates           DTP*472 (2000F) or DTP*AAH event date (2000E)
 * @param certificationEffective DTP*007
 * @param certificationExpiration DTP*036
 * @param administrativeReference REF*NT, the UMO's reference for a pended or denied review
 * @param rejections             the AAAs at this level and in its 2010 name loops
 */
public record ReviewLevel(String loop, List<Trace> traceNumbers, String actionCode, String certificationNumber,
                          String reasonCode, Optional<Procedure> procedure, Optional<Quantity> quantity,
                          Optional<ReviewPeriod> serviceDates, Optional<ReviewPeriod> certificationEffective,
                          Optional<ReviewPeriod> certificationExpiration, String administrativeReference,
                          List<RequestValidation> rejections) {

    public ReviewLevel {
        traceNumbers = List.copyOf(traceNumbers);
        rejections = List.copyOf(rejections);
    }

    public Optional<ReviewAction> action() {
        return ReviewAction.of(actionCode);
    }

    /**
     * The dates the authorization covers: from DTP*007 (else the start of the service or event dates) to DTP*036
     * (else their end).
     */
    public Optional<ReviewPeriod> certifiedPeriod() {
        var start = certificationEffective.map(ReviewPeriod::start).or(() -> serviceDates.map(ReviewPeriod::start));
        var end = certificationExpiration.map(ReviewPeriod::end).or(() -> serviceDates.map(ReviewPeriod::end));
        return start.isPresent() && end.isPresent() ? Optional.of(new ReviewPeriod(start.get(), end.get())) : Optional.empty();
    }

    /** TRN01: 1 current (the UMO's), 2 referenced (the requester's, echoed). */
    public record Trace(String type, String number, String originator) {
    }

    /** The procedure of a service and the segment it came in: SV1 professional, SV2 institutional, SV3 dental. */
    public record Procedure(String segmentId, String qualifier, String code) {
    }

    /** Units or visits/days: SV103 UN (or HSD01 VS, DY) and the number. */
    public record Quantity(String unit, BigDecimal value) {
    }
}
