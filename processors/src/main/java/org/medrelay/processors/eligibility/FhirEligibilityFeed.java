package org.medrelay.processors.eligibility;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.DateClientParam;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Polls the EHR's FHIR API for the eligibility triggers that arrive as FHIR: Appointments booked or changed (checked),
 * cancelled or missed (their check cancelled), and completed intake forms (QuestionnaireResponse) carrying the
 * patient's coverage. Each feed is read by {@code _lastUpdated} from its watermark ({@link FhirFeedWatermarks}) in
 * bounded pages; a resource version is taken once, and the watermark only moves past what was taken, so a failure
 * (the EHR down, the store busy) leaves the rest for the next poll.
 */
public class FhirEligibilityFeed {

    static final String APPOINTMENTS = "eligibility-appointments";
    static final String INTAKE_FORMS = "eligibility-intake-forms";
    private static final Logger LOG = LoggerFactory.getLogger(FhirEligibilityFeed.class);
    private static final DateClientParam LAST_UPDATED = new DateClientParam("_lastUpdated");

    private final IGenericClient ehr;
    private final FhirFeedWatermarks watermarks;
    private final FhirVisitBundles bundles;
    private final EligibilityTrigger trigger;
    private final Instant startFrom;
    private final int pageSize;
    private final int maxPages;

    /** @param startFrom where a feed never read before starts (the engine's first poll, or a configured instant) */
    public FhirEligibilityFeed(IGenericClient ehr, FhirFeedWatermarks watermarks, FhirVisitBundles bundles, EligibilityTrigger trigger,
                               Instant startFrom, int pageSize, int maxPages) {
        this.ehr = ehr;
        this.watermarks = watermarks;
        this.bundles = bundles;
        this.trigger = trigger;
        this.startFrom = startFrom;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    /** One poll of both feeds; the route's timer step. @return the resource versions taken in */
    public synchronized int poll() throws SQLException {
        return poll(APPOINTMENTS, Appointment.class) + poll(INTAKE_FORMS, QuestionnaireResponse.class);
    }

    private int poll(String feed, Class<? extends DomainResource> type) throws SQLException {
        Instant from = watermarks.readFrom(feed, startFrom);
        Bundle page = ehr.search().forResource(type).where(LAST_UPDATED.afterOrEquals().millis(Date.from(from)))
                .count(pageSize).returnBundle(Bundle.class).execute();
        int taken = 0;
        for (int pages = 1; page != null; pages++) {
            List<DomainResource> resources = page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(type::isInstance).map(DomainResource.class::cast)
                    .sorted(Comparator.comparing(r -> r.getMeta().getLastUpdated())).toList();
            for (DomainResource resource : resources) {
                String version = resource.getIdElement().toUnqualified().getValue();
                if (watermarks.seen(feed, version)) {
                    continue;
                }
                take(resource, version);
                watermarks.taken(feed, version, resource.getMeta().getLastUpdated().toInstant());
                taken++;
            }
            page = pages < maxPages && page.getLink(Bundle.LINK_NEXT) != null ? ehr.loadPage().next(page).execute() : null;
        }
        if (taken > 0) {
            LOG.info("FHIR feed {}: {} resource version(s) taken in", feed, taken);
        }
        return taken;
    }

    private void take(DomainResource resource, String version) throws SQLException {
        if (resource instanceof Appointment appointment) {
            appointment(appointment, version);
        } else if (resource instanceof QuestionnaireResponse form) {
            intakeForm(form, version);
        }
    }

    /** 'booked', 'arrived', 'checked-in' are checked; 'cancelled', 'noshow', 'entered-in-error' cancel; others wait. */
    private void appointment(Appointment appointment, String version) throws SQLException {
        Appointment.AppointmentStatus status = appointment.getStatus();
        if (status == null) {
            return;
        }
        switch (status) {
            case CANCELLED, NOSHOW, ENTEREDINERROR -> trigger.cancel(appointmentId(appointment), bundles.subject(null, version));
            case BOOKED, ARRIVED, CHECKEDIN -> {
                Optional<FhirVisitBundles.Visit> visit = appointment.hasStart() ? bundles.forAppointment(withKey(appointment), version)
                        : Optional.empty();
                if (visit.isPresent()) {
                    trigger.record(visit.get().bundle(), visit.get().written(), visit.get().subject());
                } else {
                    LOG.info("FHIR {}: no start or no patient, no eligibility check", version);
                }
            }
            default -> {
            }
        }
    }

    private void intakeForm(QuestionnaireResponse form, String version) throws SQLException {
        if (form.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                && form.getStatus() != QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED) {
            return;
        }
        Optional<FhirVisitBundles.Visit> visit = bundles.forIntakeForm(form, version);
        if (visit.isEmpty()) {
            LOG.info("FHIR {}: no patient or no coverage in the form, no eligibility check", version);
            return;
        }
        Optional<Appointment> appointment = VisitCoverage.first(visit.get().bundle(), Appointment.class);
        appointment.ifPresent(FhirEligibilityFeed::withKey);
        trigger.record(visit.get().bundle(), visit.get().written(), visit.get().subject());
    }

    /** The appointment as the trigger keys it: its first identifier, or for one without, its id in the EHR. */
    static String appointmentId(Appointment appointment) {
        Identifier first = withKey(appointment).getIdentifierFirstRep();
        return first.getSystem() + "|" + first.getValue();
    }

    private static Appointment withKey(Appointment appointment) {
        if (!appointment.hasIdentifier()) {
            appointment.addIdentifier().setSystem("urn:medrelay:fhir:Appointment").setValue(appointment.getIdElement().getIdPart());
        }
        return appointment;
    }
}
