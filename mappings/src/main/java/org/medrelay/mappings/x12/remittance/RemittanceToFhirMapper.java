package org.medrelay.mappings.x12.remittance;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.AdjudicationComponent;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.ItemComponent;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.PaymentComponent;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.RemittanceOutcome;
import org.hl7.fhir.r4.model.ExplanationOfBenefit.TotalComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.medrelay.mappings.x12.remittance.RemittanceFhirSystems.*;

/**
 * One claim of an 835 as a FHIR R4 ExplanationOfBenefit: status (cancelled for a reversal, CLP02 22), outcome
 * complete, the patient by member id (NM1*QC), insurer (N1*PR) and provider (N1*PE), identifiers for the
 * patient control number (CLP01) and payer claim control number (CLP07), the statement period (DTM*232/233),
 * totals submitted (CLP03), benefit (CLP04) and member liability (CLP05), one item per service line with
 * submitted, eligible (AMT*B6) and benefit amounts and one adjudication per CAS triple (category the group
 * code, reason the CARC), claim-level CAS as EOB adjudication, RARCs as process notes linked from their item,
 * the payment (BPR16 date, TRN02 trace), and the denial category and reason as disposition.
 */
public final class RemittanceToFhirMapper {

    private static final String USD = "USD";
    private final AdjustmentCodeList carcs;
    private final AdjustmentCodeList rarcs;

    public RemittanceToFhirMapper(AdjustmentCodeList carcs, AdjustmentCodeList rarcs) {
        this.carcs = carcs;
        this.rarcs = rarcs;
    }

    public static RemittanceToFhirMapper shipped() {
        return new RemittanceToFhirMapper(AdjustmentCodeList.shippedCarcs(), AdjustmentCodeList.shippedRarcs());
    }

    public ExplanationOfBenefit map(RemittanceAdvice advice, ClaimPayment claim, DenialDecision decision) {
        ExplanationOfBenefit eob = new ExplanationOfBenefit();
        eob.setStatus(claim.reversal() ? ExplanationOfBenefit.ExplanationOfBenefitStatus.CANCELLED
                : ExplanationOfBenefit.ExplanationOfBenefitStatus.ACTIVE);
        eob.setUse(ExplanationOfBenefit.Use.CLAIM);
        eob.setType(new CodeableConcept(new Coding(CLAIM_TYPE, institutional(claim) ? "institutional" : "professional", null)));
        eob.setOutcome(RemittanceOutcome.COMPLETE);
        eob.setDisposition(decision.category().word() + ": " + decision.reason());
        eob.addIdentifier(identifier(PATIENT_CONTROL_NUMBER, "pat", "Patient Account Number", claim.patientControlNumber()));
        if (!claim.payerClaimControlNumber().isEmpty()) {
            eob.addIdentifier(identifier(PAYER_CLAIM_CONTROL_NUMBER, "uc", "Unique Claim ID", claim.payerClaimControlNumber()));
        }
        eob.setClaim(new Reference().setIdentifier(new Identifier().setSystem(PATIENT_CONTROL_NUMBER).setValue(claim.patientControlNumber())));
        eob.setPatient(member(claim.patient()));
        eob.setInsurer(party(advice.payer()));
        eob.setProvider(party(advice.payee()));
        advice.paymentDate().or(claim::received).ifPresent(d -> eob.setCreatedElement(new DateTimeType(d.toString())));
        if (claim.statementFrom().isPresent() || claim.statementTo().isPresent()) {
            eob.setBillablePeriod(period(claim.statementFrom(), claim.statementTo()));
        }
        Coding status = new Coding(CLAIM_STATUS, claim.status(), null);
        eob.addAdjudication(new AdjudicationComponent(new CodeableConcept(status)).setReason(new CodeableConcept(status)));
        claim.adjustments().forEach(a -> eob.getAdjudication().add(adjustment(a, claim)));
        List<String> notes = new ArrayList<>(claim.remarkCodes());
        for (int i = 0; i < claim.lines().size(); i++) {
            eob.addItem(item(i + 1, claim.lines().get(i), notes, claim));
        }
        for (int n = 0; n < notes.size(); n++) {
            eob.addProcessNote().setNumber(n + 1).setType(org.hl7.fhir.r4.model.Enumerations.NoteType.PRINT)
                    .setText(rarcs.describe(notes.get(n), claimDate(claim)));
        }
        eob.addTotal(total("submitted", claim.billed()));
        eob.addTotal(total("benefit", claim.paid()));
        eob.addTotal(new TotalComponent(new CodeableConcept(new Coding(CARIN_ADJUDICATION, "memberliability", "Member liability")),
                money(claim.patientResponsibility())));
        eob.setPayment(payment(advice, claim));
        return eob;
    }

    private ItemComponent item(int sequence, ServiceLinePayment line, List<String> notes, ClaimPayment claim) {
        ItemComponent item = new ItemComponent();
        item.setSequence(sequence);
        item.setProductOrService(new CodeableConcept(new Coding(procedureSystem(line.procedureQualifier()), line.procedureCode(), null)));
        line.modifiers().forEach(m -> item.addModifier(new CodeableConcept(new Coding(procedureSystem(line.procedureQualifier()), m, null))));
        if (line.serviceStart().equals(line.serviceEnd())) {
            line.serviceStart().ifPresent(d -> item.setServiced(new DateType(d.toString())));
        } else {
            item.setServiced(period(line.serviceStart(), line.serviceEnd()));
        }
        line.units().ifPresent(u -> item.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(u)));
        item.setNet(money(line.charge()));
        item.addAdjudication(category("submitted", line.charge()));
        line.allowed().ifPresent(a -> item.addAdjudication(category("eligible", a)));
        item.addAdjudication(category("benefit", line.paid()));
        line.adjustments().forEach(a -> item.addAdjudication(adjustment(a, claim)));
        for (String remark : line.remarkCodes()) {
            int number = notes.indexOf(remark);
            if (number < 0) {
                notes.add(remark);
                number = notes.size() - 1;
            }
            item.addNoteNumber(number + 1);
        }
        return item;
    }

    /** A CAS triple: category the group code (CO, PR, OA, PI), reason the CARC, its amount and quantity. */
    private AdjudicationComponent adjustment(Adjustment adjustment, ClaimPayment claim) {
        AdjudicationComponent adjudication = new AdjudicationComponent(
                new CodeableConcept(new Coding(GROUP, adjustment.group(), null)));
        String display = carcs.find(adjustment.carc()).map(AdjustmentCode::description).orElse(null);
        adjudication.setReason(new CodeableConcept(new Coding(CARC, adjustment.carc(), display)));
        adjudication.setAmount(money(adjustment.amount()));
        adjustment.quantity().ifPresent(adjudication::setValue);
        return adjudication;
    }

    private static AdjudicationComponent category(String code, BigDecimal amount) {
        return new AdjudicationComponent(new CodeableConcept(new Coding(ADJUDICATION, code, null))).setAmount(money(amount));
    }

    private static TotalComponent total(String code, BigDecimal amount) {
        return new TotalComponent(new CodeableConcept(new Coding(ADJUDICATION, code, null)), money(amount));
    }

    private PaymentComponent payment(RemittanceAdvice advice, ClaimPayment claim) {
        PaymentComponent payment = new PaymentComponent();
        boolean complete = claim.paid().compareTo(claim.billed()) == 0;
        payment.setType(new CodeableConcept(new Coding(PAYMENT_TYPE, complete ? "complete" : "partial", null)));
        advice.paymentDate().ifPresent(d -> payment.setDateElement(new DateType(d.toString())));
        payment.setAmount(money(claim.paid()));
        if (!advice.traceNumber().isEmpty()) {
            payment.setIdentifier(new Identifier().setSystem(PAYMENT_TRACE).setValue(advice.traceNumber()));
        }
        return payment;
    }

    private static boolean institutional(ClaimPayment claim) {
        return claim.lines().stream().anyMatch(l -> "NU".equals(l.procedureQualifier()));
    }

    private static Identifier identifier(String system, String type, String display, String value) {
        return new Identifier().setSystem(system).setValue(value)
                .setType(new CodeableConcept(new Coding(CARIN_IDENTIFIER_TYPE, type, display)));
    }

    /** The patient by the member id the payer knows (NM108 MI and friends), for the EHR to resolve. */
    private static Reference member(Party patient) {
        Identifier id = new Identifier().setValue(patient.id())
                .setType(new CodeableConcept(new Coding(V2_IDENTIFIER_TYPE, "MI".equals(patient.idQualifier()) ? "MB" : "PI", null)));
        return new Reference().setIdentifier(id);
    }

    private static Reference party(Party party) {
        Reference reference = new Reference().setDisplay(party.name());
        if (!party.id().isEmpty()) {
            reference.setIdentifier(new Identifier().setValue(party.id()).setSystem("XX".equals(party.idQualifier()) ? NPI : null));
        }
        return reference;
    }

    private static Money money(BigDecimal amount) {
        return new Money().setValue(amount).setCurrency(USD);
    }

    /** Dates as written in the 835 (day precision), never shifted by the JVM's time zone. */
    private static Period period(Optional<LocalDate> start, Optional<LocalDate> end) {
        Period period = new Period();
        start.ifPresent(d -> period.setStartElement(new DateTimeType(d.toString())));
        end.ifPresent(d -> period.setEndElement(new DateTimeType(d.toString())));
        return period;
    }

    private static Optional<LocalDate> claimDate(ClaimPayment claim) {
        return claim.statementFrom().or(claim::received);
    }
}
