package org.medrelay.routes.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.apache.camel.main.Main;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.mappings.x12.AcknowledgmentWriter;
import org.medrelay.mappings.x12.eligibility.CoverageEligibilityResponseMapper;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.clearinghouse.Quarantine;
import org.medrelay.processors.clearinghouse.ReceivedFileAcknowledgments;
import org.medrelay.processors.clearinghouse.StoredControlNumbers;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.eligibility.CoverageGapRules;
import org.medrelay.processors.eligibility.EligibilityBatch;
import org.medrelay.processors.eligibility.EligibilityInbox;
import org.medrelay.processors.eligibility.EligibilityRequests;
import org.medrelay.processors.eligibility.EligibilityResponseWriter;
import org.medrelay.processors.eligibility.EligibilitySettings;
import org.medrelay.processors.eligibility.EligibilityTrigger;
import org.medrelay.processors.eligibility.EligibilityWorkItems;
import org.medrelay.processors.eligibility.FhirEligibilityFeed;
import org.medrelay.processors.eligibility.FhirFeedWatermarks;
import org.medrelay.processors.eligibility.FhirVisitBundles;
import org.medrelay.processors.eligibility.PayerClearinghouses;
import org.medrelay.processors.fhir.AuditedFhirWriter;
import org.medrelay.processors.fhir.FhirBundleWriter;
import org.medrelay.processors.review.WorkItemIntake;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The eligibility beans (270/271 through the clearinghouse drop), built from {@code medrelay.eligibility.*} and bound for
 * {@code hl7-process} (the trigger) and the {@code eligibility-*} routes. The settings are read here, so a missing or
 * malformed property stops the engine at start, naming it.
 */
final class EligibilityComponents {

    private static final String COMPONENT = "eligibility";

    private EligibilityComponents() {
    }

    static void bind(Main main, EngineProperties props, DataSource store, AuditTrail auditTrail, FhirContext fhirContext,
                     IGenericClient ehr, WorkItemIntake intake, PatientKeys patientKeys, PayloadCipher payloadCipher, Clock clock,
                     PriorAuthComponents.EligibilityLinks priorAuth) {
        EligibilitySettings settings = new EligibilitySettings(props.asProperties()::getProperty);
        settings.delimiters();
        settings.provider();
        settings.leadTime();
        String actor = AuditActors.system(COMPONENT);
        EligibilityRequests requests = new EligibilityRequests(store, payloadCipher, clock);
        StoredControlNumbers controlNumbers = new StoredControlNumbers(store);
        main.bind("eligibilityRequests", requests);
        EligibilityTrigger trigger = new EligibilityTrigger(requests, settings, patientKeys, ehr, auditTrail, actor, clock);
        main.bind("eligibilityTrigger", trigger);
        String startFrom = props.get("medrelay.eligibility.fhir-feed.start-from");
        main.bind("fhirEligibilityFeed", new FhirEligibilityFeed(ehr,
                new FhirFeedWatermarks(store, Duration.ofMillis(props.getLong("medrelay.eligibility.fhir-feed.overlap-ms")), clock),
                new FhirVisitBundles(ehr, patientKeys, auditTrail, actor, clock), trigger,
                startFrom == null || startFrom.isBlank() ? clock.instant() : Instant.parse(startFrom.trim()),
                props.getInt("medrelay.eligibility.fhir-feed.page-size"), props.getInt("medrelay.eligibility.fhir-feed.max-pages")));
        PayerClearinghouses routing = EligibilityClearinghouses.routing(props, settings);
        EligibilityClearinghouses.addRoutes(main, settings);
        main.bind("eligibilityBatch", new EligibilityBatch(requests, settings, routing, controlNumbers, auditTrail, actor, clock,
                props.getInt("medrelay.eligibility.batch.size"),
                Duration.ofMillis(props.getLong("medrelay.eligibility.batch.interval-ms"))));
        EligibilityResponseWriter responses = new EligibilityResponseWriter(new CoverageEligibilityResponseMapper(clock),
                new AuditedFhirWriter(new FhirBundleWriter(fhirContext, ehr), auditTrail, actor, clock));
        main.bind("eligibilityInbox", new EligibilityInbox(requests, responses,
                new CoverageGapRules(settings.acceptedPlans(), settings.highDeductibleThreshold()),
                new EligibilityWorkItems(clock), intake, new Quarantine(Path.of(props.get("medrelay.eligibility.quarantine-dir")), clock),
                new ReceivedFileAcknowledgments(new AcknowledgmentWriter(controlNumbers, clock),
                        props.getBoolean("medrelay.eligibility.acknowledge-received")),
                auditTrail, actor, clock).withPriorAuth(priorAuth.responses()).withPriorAuthCases(priorAuth.cases()));
    }
}
