package org.medrelay.processors.priorauth.followup;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.zaxxer.hikari.HikariDataSource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.priorauth.PriorAuthCheck;
import org.medrelay.processors.priorauth.PriorAuthRequirements;
import org.medrelay.processors.priorauth.cases.CaseHistoryEntry;
import org.medrelay.processors.priorauth.cases.DecisionDeadlines;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthCaseStore;
import org.medrelay.processors.priorauth.cases.PriorAuthState;
import org.medrelay.processors.priorauth.pas.ChartFactsGatherer;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.DraftDelivery;
import org.medrelay.processors.review.ModeChangeLog;
import org.medrelay.processors.review.OperatingMode;
import org.medrelay.processors.review.OperatingModes;
import org.medrelay.processors.review.ReleaseClaims;
import org.medrelay.processors.review.ReleaseRetries;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemActions;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemQuery;
import org.medrelay.processors.review.WorkItemStatus;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;
import org.medrelay.processors.review.WorkflowProperties;
import org.medrelay.processors.testing.MutableClock;
import org.medrelay.processors.testing.TestStores;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order to authorization: an order needing authorization opens a case, its PAS request is drafted from the chart in
 * the EHR (the sandbox FHIR server), the clinician writes the narrative and approves, the request goes to the payer's
 * Claim/$submit (a FHIR server on loopback: pended), and the scheduled $inquire finds it approved: the case holds
 * the authorization number, units and dates, and the order in the EHR carries them.
 */
class PriorAuthEndToEndTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String PATIENT_KEY = "5eed0000aaaa1111bbbb2222cccc3333";
    private static final Instant MONDAY = Instant.parse("2026-11-23T14:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY);
    private SandboxFhirServer ehrServer;
    private PayerFhirServer payerServer;
    private HikariDataSource store;
    private IGenericClient ehr;
    private PriorAuthCaseStore cases;
    private WorkItemStore workItems;
    private WorkItemActions actions;
    private PriorAuthIntake intake;
    private PriorAuthStatusInquiry inquiry;
    private Bundle orders;

    @BeforeEach
    void ehrPayerAndStore() throws Exception {
        ehrServer = new SandboxFhirServer(SandboxFhirSettings.of("jdbc:h2:mem:pa-e2e-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "127.0.0.1", 0, "/fhir"), FHIR);
        ehrServer.start();
        payerServer = new PayerFhirServer(FHIR);
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        ehr = FHIR.newRestfulGenericClient(ehrServer.getBaseUrl());
        orders = ordersInTheEhr();

        store = TestStores.h2("prior-auth-e2e");
        AuditTrail trail = new AuditTrail(store);
        WorkItemAuditHook hook = WorkItemAuditHook.into(trail);
        cases = new PriorAuthCaseStore(store, trail, DecisionDeadlines.CMS_0057_F);
        workItems = new WorkItemStore(store, hook);
        // the practice switched prior-auth to live: its requests are still signed by a person
        OperatingModes modes = new OperatingModes(new WorkflowProperties(Map.of("medrelay.workflow.prior-auth.mode", "live")::get),
                new ModeChangeLog(store, hook));
        PriorAuthWorkItems items = new PriorAuthWorkItems(workItems, modes);
        PasPayers payer = new PasPayers(Map.of("12345", new PasPayerEndpoint(FHIR.newRestfulGenericClient(payerServer.baseUrl()))));
        PayerDecisionRecorder decisions = new PayerDecisionRecorder(cases, items, new OrderAuthorizationWriter(ehr),
                PriorAuthSettings.DEFAULTS);
        DraftDelivery delivery = new DraftDelivery(workItems, new ReleaseClaims(store, Duration.ofMinutes(2)),
                new PriorAuthSubmission(cases, payer, decisions, clock), clock,
                new ReleaseRetries(10, Duration.ofSeconds(30), Duration.ofHours(1)));
        actions = new WorkItemActions(workItems, delivery, clock);
        intake = new PriorAuthIntake(new PriorAuthCheck(PriorAuthRequirements.shipped()), cases,
                new ChartFactsGatherer(ehr, 365, 10, 100), items, PriorAuthSettings.DEFAULTS, clock);
        inquiry = new PriorAuthStatusInquiry(cases, workItems, payer, decisions, clock, 50);
    }

    @AfterEach
    void stop() throws Exception {
        payerServer.close();
        ehrServer.stop();
        store.close();
    }

    /** The synthetic order bundle, its Patient and ServiceRequest given the ids the EHR holds them under. */
    private Bundle ordersInTheEhr() throws Exception {
        Bundle bundle;
        try (InputStream in = getClass().getResourceAsStream("/medrelay-test-data/priorauth/servicerequest-mri-pas-bundle.json")) {
            bundle = FHIR.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Patient patient = (Patient) bundle.getEntry().get(0).getResource();
        String patientId = ehr.create().resource(patient.copy().setId((String) null)).execute().getId().getIdPart();
        patient.setId(patientId);
        ServiceRequest order = (ServiceRequest) bundle.getEntry().get(4).getResource();
        ServiceRequest inEhr = order.copy();
        inEhr.setSubject(new Reference("Patient/" + patientId)).setRequester(null).getReasonReference().clear();
        inEhr.getInsurance().clear();
        order.setId(ehr.create().resource(inEhr).execute().getId().getIdPart());
        ehr.create().resource(new Condition().setSubject(new Reference("Patient/" + patientId))
                .setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M54.16", "Radiculopathy, lumbar region"))))
                .execute();
        return bundle;
    }

    @Test
    void orderToCaseToSignedRequestToPendedToApprovedWithItsAuthorization() throws Exception {
        List<PriorAuthCase> opened = intake.accept(orders, PATIENT_KEY);

        assertEquals(1, opened.size());
        PriorAuthCase c = opened.get(0);
        assertEquals(PriorAuthState.AWAITING_SIGNATURE, c.state());
        assertEquals("ORD7001", c.order());
        assertEquals(LocalDate.parse("2026-12-10"), c.serviceDate());
        WorkItem signOff = workItems.get(c.signOffWorkItem());
        assertEquals(WorkQueue.CLINICIAN, signOff.queue());
        assertEquals(WorkItemType.PRIOR_AUTH_DRAFT, signOff.type());
        assertEquals(OperatingMode.REVIEW, signOff.mode(), "live workflow, yet a person signs");
        assertEquals(WorkItemStatus.OPEN, signOff.status());
        assertEquals(List.of(), payerServer.submitted, "nothing goes to the payer before the signature");

        // the clinician writes the narrative where it is marked, and approves
        Bundle draft = FHIR.newJsonParser().parseResource(Bundle.class, signOff.suiteResult().draft().text());
        assertTrue(PasRequestBuilder.hasUnwrittenNarrative(draft));
        Claim claim = (Claim) draft.getEntryFirstRep().getResource();
        claim.getSupportingInfo().stream().filter(s -> s.hasValueStringType()).findFirst().orElseThrow()
                .setValue(new StringType("Six weeks of physical therapy without relief; progressive L5 weakness."));
        clock.advance(Duration.ofHours(1));
        Instant signedAt = clock.instant();
        actions.approveEdited(signOff.id(), signOff.version(), "dr-synthetic",
                Draft.text(FHIR.newJsonParser().encodeResourceToString(draft), "application/fhir+json"));

        assertEquals(1, payerServer.submitted.size());
        Claim sent = (Claim) payerServer.submitted.get(0).getEntryFirstRep().getResource();
        assertEquals(Claim.Use.PREAUTHORIZATION, sent.getUse());
        assertEquals(String.valueOf(c.id()), sent.getIdentifierFirstRep().getValue());
        assertTrue(sent.getSupportingInfo().stream().anyMatch(s -> s.hasValueReference()
                && s.getValueReference().getReference().startsWith(ehrServer.getBaseUrl() + "/Condition/")), "the chart's condition by reference");
        PriorAuthCase pended = cases.get(c.id());
        assertEquals(PriorAuthState.PENDED, pended.state());
        assertEquals("PAYER-REF-1", pended.payerReference());
        assertEquals(signedAt, pended.submittedAt());
        assertEquals(signedAt.plus(Duration.ofDays(7)), pended.decisionDueAt(), "CMS-0057-F: 7 calendar days for a standard request");
        WorkItem moreInformation = workItems.list(WorkItemQuery.all().inQueue(WorkQueue.CLINICIAN)
                .withStatus(WorkItemStatus.OPEN)).stream().filter(i -> i.type().equals(PriorAuthWorkItems.MORE_INFORMATION))
                .findFirst().orElseThrow();
        assertTrue(moreInformation.suiteResult().draft().text().endsWith("asks for more information: " + PayerFhirServer.MORE_INFORMATION),
                moreInformation.suiteResult().draft().text());

        clock.advance(Duration.ofDays(2));
        List<PriorAuthCase> asked = inquiry.inquireOpen();

        assertEquals(1, asked.size());
        assertEquals(1, payerServer.inquired.size());
        assertEquals(String.valueOf(c.id()), ((Claim) payerServer.inquired.get(0).getEntryFirstRep().getResource())
                .getIdentifierFirstRep().getValue());
        PriorAuthCase approved = cases.get(c.id());
        assertEquals(PriorAuthState.APPROVED, approved.state());
        assertEquals(new PriorAuthCase.Authorization(PayerFhirServer.AUTHORIZATION, 1, LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-02-28")), approved.authorization());
        assertEquals(new PriorAuthCase.Deadline(Instant.parse("2027-03-01T00:00:00Z"), PriorAuthCase.Deadline.Kind.AUTHORIZATION_EXPIRY),
                approved.nextDeadline().orElseThrow());

        ServiceRequest orderInEhr = ehr.read().resource(ServiceRequest.class)
                .withId(((ServiceRequest) orders.getEntry().get(4).getResource()).getIdElement().getIdPart()).execute();
        Extension written = orderInEhr.getExtensionByUrl(OrderAuthorizationWriter.EXTENSION);
        assertEquals(PayerFhirServer.AUTHORIZATION, written.getExtensionString("number"));
        assertEquals("2027-02-28", ((org.hl7.fhir.r4.model.DateType) written.getExtensionByUrl("end").getValue()).getValueAsString());

        List<CaseHistoryEntry> history = cases.history(c.id());
        assertEquals(List.of(PriorAuthState.DRAFT, PriorAuthState.AWAITING_SIGNATURE, PriorAuthState.SUBMITTED,
                PriorAuthState.PENDED, PriorAuthState.APPROVED), history.stream().map(CaseHistoryEntry::to).toList());
        assertTrue(history.get(4).note().startsWith("reviewAction A1; authorization written to ServiceRequest/"), history.get(4).note());

        // asked again: nothing changes, nothing more is written
        assertEquals(List.of(), inquiry.inquireOpen());
        assertEquals(5, cases.history(c.id()).size());
    }

    @Test
    void aDraftApprovedWithoutTheNarrativeIsNotSent() throws Exception {
        PriorAuthCase c = intake.accept(orders, PATIENT_KEY).get(0);
        WorkItem signOff = workItems.get(c.signOffWorkItem());

        WorkItem afterApproval = actions.approve(signOff.id(), signOff.version(), "dr-synthetic");

        assertEquals(WorkItemStatus.APPROVED, afterApproval.status(), "kept approved, with the failure, for a person to see");
        assertTrue(afterApproval.release().lastFailure().contains("narrative is still " + PasRequestBuilder.NARRATIVE_MARK),
                afterApproval.release().lastFailure());
        assertEquals(List.of(), payerServer.submitted);
        assertEquals(PriorAuthState.AWAITING_SIGNATURE, cases.get(c.id()).state());
    }

    @Test
    void theSameOrderArrivingAgainOpensNoSecondCaseAndNoSecondSignOff() throws Exception {
        PriorAuthCase first = intake.accept(orders, PATIENT_KEY).get(0);
        PriorAuthCase again = intake.accept(orders, PATIENT_KEY).get(0);

        assertEquals(first.id(), again.id());
        assertEquals(first.signOffWorkItem(), again.signOffWorkItem());
        assertEquals(1, workItems.list(WorkItemQuery.all().inQueue(WorkQueue.CLINICIAN)).size());
    }
}
