package org.medrelay.processors.remittance;

import org.medrelay.mappings.x12.remittance.Adjustment;
import org.medrelay.mappings.x12.remittance.AdjustmentCodeList;
import org.medrelay.mappings.x12.remittance.DenialCategory;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItemLink;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The billing work items of the denials workflow: one {@code denial-workup} item per claim of an 835 that needs a
 * person (correct-and-resubmit, appeal, timely-filing, duplicate, needs-review, and patient-responsibility when so
 * configured), classified by its category, with its context as reasons (payer, claim, dates, CARC/RARC with
 * descriptions, amounts, deadline, what to do) and, for appeal and timely-filing, an appeal letter draft. A letter has
 * places only the provider can fill, so its confidence is 0: no mode ever releases it without a person. Paid and
 * write-off claims need no item.
 */
public class BillingWorkItems {

    public static final String WORKFLOW = "denials";
    private static final Set<DenialCategory> NO_ITEM = EnumSet.of(DenialCategory.PAID, DenialCategory.WRITE_OFF);
    private final AppealLetters letters;
    private final CorrectedClaimDrafts correctedClaims;
    private final ClaimPriority priority;
    private final boolean patientResponsibilityItems;
    private final AdjustmentCodeList carcs;
    private final AdjustmentCodeList rarcs;
    private final Clock clock;

    public BillingWorkItems(AppealLetters letters, CorrectedClaimDrafts correctedClaims, ClaimPriority priority,
                            boolean patientResponsibilityItems, AdjustmentCodeList carcs, AdjustmentCodeList rarcs, Clock clock) {
        this.letters = letters;
        this.correctedClaims = correctedClaims;
        this.priority = priority;
        this.patientResponsibilityItems = patientResponsibilityItems;
        this.carcs = carcs;
        this.rarcs = rarcs;
        this.clock = clock;
    }

    public boolean needsItem(DenialCategory category) {
        return !NO_ITEM.contains(category) && (category != DenialCategory.PATIENT_RESPONSIBILITY || patientResponsibilityItems);
    }

    public NewWorkItem itemFor(ClaimFollowUp f) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        DenialCategory category = f.decision().category();
        WorkItemPriority urgency = priority.of(f.atStake(), f.appealDeadline(), today);
        SuiteResult result = switch (category) {
            case APPEAL, TIMELY_FILING -> new SuiteResult(letters.letter(f, today), category.word(), 0.0, reasons(f));
            case CORRECT_AND_RESUBMIT -> correctedClaim(f);
            case NEEDS_REVIEW -> SuiteResult.classification(category.word(), 0.5, reasons(f));
            default -> SuiteResult.classification(category.word(), 1.0, reasons(f));
        };
        List<WorkItemLink> links = List.of(WorkItemLink.fhir(f.explanationOfBenefit(), "ExplanationOfBenefit of the 835"),
                WorkItemLink.document(f.fileName(), "835 remittance file " + f.fileId()));
        return new NewWorkItem(WorkItemType.DENIAL_WORKUP, WORKFLOW, f.patient(), WorkQueue.BILLING, null,
                priority.due(f.appealDeadline(), today).atStartOfDay(clock.getZone()).toInstant(), urgency, result,
                f.sourceKey(), links);
    }

    private SuiteResult correctedClaim(ClaimFollowUp f) throws SQLException {
        CorrectedClaimDraft corrected = correctedClaims.draft(f);
        List<String> reasons = reasons(f);
        reasons.addAll(corrected.notes());
        // a replacement with something left to do by hand never goes to the payer without a person, whatever the mode;
        // one whose every change was mechanical may, where the denials workflow is live
        double confidence = corrected.draft().isEmpty() || corrected.complete() ? 1.0 : 0.0;
        return new SuiteResult(corrected.draft().orElse(null), DenialCategory.CORRECT_AND_RESUBMIT.word(), confidence, reasons);
    }

    /** The item's context, in the order a biller reads it. May hold PHI (claim numbers): reasons are never logged. */
    List<String> reasons(ClaimFollowUp f) {
        List<String> reasons = new ArrayList<>();
        reasons.add(f.decision().category().word() + ": " + f.decision().reason());
        reasons.add("action: " + f.decision().action());
        reasons.add("payer: " + f.advice().payer().name() + " (" + f.payerId() + ")");
        reasons.add("claim: " + f.claim().patientControlNumber() + ", payer claim control number "
                + f.claim().payerClaimControlNumber() + ", CLP02 " + f.claim().status());
        reasons.add("dates: service " + f.serviceFrom().map(Object::toString).orElse("?") + " to "
                + f.serviceTo().map(Object::toString).orElse("?") + ", remittance " + f.decidedOn()
                + ", appeal deadline " + f.appealDeadline());
        reasons.add("amounts: billed " + money(f.claim().billed()) + ", paid " + money(f.claim().paid())
                + ", patient responsibility " + money(f.claim().patientResponsibility()) + ", at stake " + money(f.atStake()));
        Optional<java.time.LocalDate> on = f.serviceFrom();
        for (Adjustment a : f.adjustments()) {
            reasons.add("CARC " + a.code() + " " + money(a.amount()) + ": " + carcs.describe(a.carc(), on));
        }
        for (String remark : f.remarkCodes()) {
            reasons.add("RARC " + remark + ": " + rarcs.describe(remark, on));
        }
        reasons.add("remittance: " + f.advice().paymentMethod() + " " + money(f.advice().totalPayment()) + ", trace "
                + f.advice().traceNumber() + ", file " + f.fileName());
        return reasons;
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
