package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.medrelay.processors.priorauth.PriorAuthCheck;
import org.medrelay.processors.priorauth.PriorAuthDecision;
import org.medrelay.processors.priorauth.SubmissionChannel;
import org.medrelay.processors.priorauth.X12PriorAuthRequestWriter;
import org.medrelay.processors.priorauth.x12.Clearinghouse278Writer;
import org.medrelay.processors.priorauth.cases.NewPriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.pas.ChartFactsGatherer;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;
import org.medrelay.processors.review.WorkItem;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * From orders to cases: each order of the Bundle that needs authorization opens a case; a fhir-pas case is drafted
 * at once (chart facts from the EHR, the PAS Bundle), an x12-278 case as its 278 request, and either goes to the
 * clinician to sign. Portal and fax cases stay in draft for their cover letter. An order already seen keeps its case.
 */
public final class PriorAuthIntake {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final PriorAuthCheck check;
    private final PriorAuthCaseStore cases;
    private final ChartFactsGatherer chart;
    private final PriorAuthWorkItems workItems;
    private final PriorAuthSettings settings;
    private final Clock clock;
    private final X12PriorAuthRequestWriter x12;

    public PriorAuthIntake(PriorAuthCheck check, PriorAuthCaseStore cases, ChartFactsGatherer chart,
                           PriorAuthWorkItems workItems, PriorAuthSettings settings, Clock clock) {
        this(check, cases, chart, workItems, settings, clock, null);
    }

    /** @param x12 writes the 278 of x12-278 cases (null: they stay in draft) */
    public PriorAuthIntake(PriorAuthCheck check, PriorAuthCaseStore cases, ChartFactsGatherer chart,
                           PriorAuthWorkItems workItems, PriorAuthSettings settings, Clock clock, X12PriorAuthRequestWriter x12) {
        this.x12 = x12;
        this.check = check;
        this.cases = cases;
        this.chart = chart;
        this.workItems = workItems;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param patientKey the patient's pseudonymous key, as the ingest path computed it */
    public List<PriorAuthCase> accept(Bundle orders, String patientKey) throws SQLException {
        Patient patient = orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                .filter(p -> p.getIdElement().hasIdPart())
                .orElseThrow(() -> new IllegalArgumentException("the orders name no Patient with the EHR's id"));
        String patientReference = "Patient/" + patient.getIdElement().getIdPart();
        List<PriorAuthCase> opened = new ArrayList<>();
        for (PriorAuthDecision decision : check.check(orders)) {
            if (!decision.required()) {
                continue;
            }
            ServiceRequest request = serviceRequest(orders, decision.order());
            boolean expedited = request != null && request.hasPriority()
                    && request.getPriority() != ServiceRequest.ServiceRequestPriority.ROUTINE;
            LocalDate serviceDate = request != null && request.hasOccurrenceDateTimeType()
                    ? LocalDate.parse(request.getOccurrenceDateTimeType().getValueAsString().substring(0, 10)) : null;
            Instant now = clock.instant();
            PriorAuthCase c = cases.open(new NewPriorAuthCase(decision, patientReference, patientKey, serviceDate, expedited),
                    PayerDecisionRecorder.ACTOR, now);
            if (c.state() == PriorAuthState.DRAFT && c.channel() == SubmissionChannel.FHIR_PAS) {
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                Bundle pas = new PasRequestBuilder().build(orders, decision, chart.gather(patientReference, today),
                        expedited, String.valueOf(c.id()), today);
                WorkItem signOff = workItems.signOff(c, FHIR.newJsonParser().encodeResourceToString(pas),
                        now.plus(settings.signOff()), now);
                c = cases.awaitingSignature(c.id(), signOff.id(), PayerDecisionRecorder.ACTOR, now);
            } else if (c.state() == PriorAuthState.DRAFT && c.channel() == SubmissionChannel.X12_278 && x12 != null) {
                // TRN02 names the case: the payer's 278 response carries it back (2000E TRN*2)
                String x12Request = x12.write(orders, decision, Clearinghouse278Writer.traceOf(c.id()));
                WorkItem signOff = workItems.signOff278(c, x12Request, now.plus(settings.signOff()), now);
                c = cases.awaitingSignature(c.id(), signOff.id(), PayerDecisionRecorder.ACTOR, now);
            }
            opened.add(c);
        }
        return opened;
    }

    private static ServiceRequest serviceRequest(Bundle orders, String order) {
        return orders.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast)
                .filter(s -> s.getIdentifier().stream().anyMatch(i -> order.equals(i.getValue()))
                        || order.equals(s.getIdElement().getIdPart()))
                .findFirst().orElse(null);
    }
}
