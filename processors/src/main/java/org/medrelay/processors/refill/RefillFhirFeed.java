package org.medrelay.processors.refill;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.audit.FhirPatientKeys;
import org.medrelay.processors.eligibility.FhirFeedWatermarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Polls the EHR's FHIR API for refill requests the patient portal wrote as MedicationRequests (those carrying the
 * {@link RefillRequestMarker}), by {@code _lastUpdated} from its watermark ({@link FhirFeedWatermarks}, feed
 * {@value #FEED}) in bounded pages. Each one is handed to {@link RefillTrigger} as if an OMP/RDE message had written
 * it, so it is triaged and becomes the same work items. A version is taken once; the watermark only moves past what
 * was taken, so a failure (the EHR down, the store busy) leaves the rest for the next poll.
 */
public class RefillFhirFeed {

    static final String FEED = "refill-medication-requests";
    /** The interface audit entries and work items name as where the request came in. */
    static final String INTERFACE = "refill-fhir-feed";
    private static final Logger LOG = LoggerFactory.getLogger(RefillFhirFeed.class);
    private static final DateClientParam LAST_UPDATED = new DateClientParam("_lastUpdated");

    private final IGenericClient ehr;
    private final FhirFeedWatermarks watermarks;
    private final RefillRequestMarker marker;
    private final RefillTrigger trigger;
    private final PatientKeys keys;
    private final AuditTrail trail;
    private final String actor;
    private final Clock clock;
    private final Instant startFrom;
    private final int pageSize;
    private final int maxPages;

    /** @param startFrom where the feed starts when never read before (the engine's first poll, or a configured instant) */
    public RefillFhirFeed(IGenericClient ehr, FhirFeedWatermarks watermarks, RefillRequestMarker marker, RefillTrigger trigger,
                          PatientKeys keys, AuditTrail trail, String actor, Clock clock, Instant startFrom, int pageSize,
                          int maxPages) {
        this.ehr = ehr;
        this.watermarks = watermarks;
        this.marker = marker;
        this.trigger = trigger;
        this.keys = keys;
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
        this.startFrom = startFrom;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    /** One poll; the route's timer step. @return the refill requests taken in */
    public synchronized int poll() throws SQLException {
        Instant from = watermarks.readFrom(FEED, startFrom);
        // by _lastUpdated only (every FHIR server offers it, not every one intent or category): the marker is checked here
        Bundle page = ehr.search().forResource(MedicationRequest.class)
                .where(LAST_UPDATED.afterOrEquals().millis(Date.from(from))).count(pageSize).returnBundle(Bundle.class).execute();
        int taken = 0;
        for (int pages = 1; page != null; pages++) {
            List<MedicationRequest> requests = RefillTrigger.resources(page, MedicationRequest.class).stream()
                    .sorted(Comparator.comparing(r -> r.getMeta().getLastUpdated())).toList();
            for (MedicationRequest request : requests) {
                String version = request.getIdElement().toUnqualified().getValue();
                if (watermarks.seen(FEED, version)) {
                    continue;
                }
                if (marker.matches(request)) {
                    take(request, version);
                    taken++;
                }
                watermarks.taken(FEED, version, request.getMeta().getLastUpdated().toInstant());
            }
            page = pages < maxPages && page.getLink(Bundle.LINK_NEXT) != null ? ehr.loadPage().next(page).execute() : null;
        }
        if (taken > 0) {
            LOG.info("FHIR feed {}: {} refill request(s) taken in", FEED, taken);
        }
        return taken;
    }

    /** The request as the OMP/RDE path hands it over: the mapped request, and the Patient and request ids in the EHR. */
    private void take(MedicationRequest request, String version) throws SQLException {
        String patientId = request.getSubject().getReference();
        if (patientId == null || !patientId.startsWith("Patient/")) {
            LOG.info("FHIR {}: the refill request names no Patient/ subject, not triaged", version);
            return;
        }
        String patientKey = patientKey(patientId, version);
        if (patientKey == null) {
            return;
        }
        Bundle mapped = new Bundle();
        mapped.addEntry().setResource(request);
        String requestId = request.getIdElement().toUnqualifiedVersionless().getValue();
        trigger.triage(mapped, List.of(patientId, requestId), new AuditSubject(patientKey, version, INTERFACE));
    }

    /**
     * The patient's key, from the Patient read (and audited) here; null when the EHR has no such patient (4xx), which
     * is logged and skipped. Other failures are thrown, so the poll stops and the version is read again next poll.
     */
    private String patientKey(String patientId, String version) throws SQLException {
        try {
            Patient patient = ehr.read().resource(Patient.class).withId(patientId).execute();
            String key = FhirPatientKeys.of(keys, patient);
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), new AuditSubject(key, version, INTERFACE),
                    patientId, AuditOutcome.SUCCESS, "refill request " + version));
            return key;
        } catch (BaseServerResponseException e) {
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(), new AuditSubject(null, version, INTERFACE),
                    patientId, AuditOutcome.FAILURE, "EHR answered HTTP " + e.getStatusCode()));
            if (e.getStatusCode() >= 400 && e.getStatusCode() < 500) {
                LOG.info("FHIR {}: the EHR has no patient {} (HTTP {}), not triaged", version, patientId, e.getStatusCode());
                return null;
            }
            throw e;
        }
    }
}
