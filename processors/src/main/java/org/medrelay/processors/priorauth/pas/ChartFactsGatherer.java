package org.medrelay.processors.priorauth.pas;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.ReferenceClientParam;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Reads from the EHR's FHIR API what a prior-authorization request refers to: the patient's conditions, and the
 * observations, medication history, procedures and encounters of the last {@code lookbackDays}, newest first, at
 * most {@code perKind} of each. One search per kind, by patient only and one page of at most {@code readLimit}
 * resources: every EHR supports that search, where date parameters and {@code _sort} vary, and it stays bounded
 * however long the chart is. The dates are compared here.
 */
public final class ChartFactsGatherer {

    private final IGenericClient ehr;
    private final int lookbackDays;
    private final int perKind;
    private final int readLimit;

    public ChartFactsGatherer(IGenericClient ehr, int lookbackDays, int perKind, int readLimit) {
        this.ehr = ehr;
        this.lookbackDays = lookbackDays;
        this.perKind = perKind;
        this.readLimit = readLimit;
    }

    /** @param patientId the EHR's Patient id, e.g. {@code Patient/123} */
    public ChartFacts gather(String patientId, LocalDate today) {
        LocalDate since = today.minusDays(lookbackDays);
        return new ChartFacts(
                // conditions whenever recorded: a chronic diagnosis made years ago still supports the request
                search("Condition", patientId, null),
                search("Observation", patientId, since),
                search("MedicationRequest", patientId, since),
                search("Procedure", patientId, since),
                search("Encounter", patientId, since));
    }

    private List<Resource> search(String type, String patientId, LocalDate since) {
        Bundle page = ehr.search().forResource(type).where(new ReferenceClientParam("patient").hasId(patientId))
                .count(readLimit).returnBundle(Bundle.class).execute();
        return page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r != null && r.fhirType().equals(type))
                .filter(r -> since == null || when(r).map(d -> !d.isBefore(since)).orElse(false))
                .sorted(Comparator.comparing((Resource r) -> when(r).orElse(LocalDate.MIN)).reversed())
                .limit(perKind).toList();
    }

    /** The clinical date of a fact: when observed, prescribed, performed or begun. */
    static Optional<LocalDate> when(Resource resource) {
        Date date = null;
        if (resource instanceof Observation o && o.hasEffectiveDateTimeType()) {
            date = o.getEffectiveDateTimeType().getValue();
        } else if (resource instanceof Observation o && o.hasEffectivePeriod()) {
            date = o.getEffectivePeriod().getStart();
        } else if (resource instanceof MedicationRequest m) {
            date = m.getAuthoredOn();
        } else if (resource instanceof Procedure p && p.hasPerformedDateTimeType()) {
            date = p.getPerformedDateTimeType().getValue();
        } else if (resource instanceof Procedure p && p.hasPerformedPeriod()) {
            date = p.getPerformedPeriod().getStart();
        } else if (resource instanceof Encounter e && e.hasPeriod()) {
            date = e.getPeriod().getStart();
        }
        return Optional.ofNullable(date).map(d -> d.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
    }
}
