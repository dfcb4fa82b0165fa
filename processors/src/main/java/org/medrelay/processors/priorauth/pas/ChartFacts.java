package org.medrelay.processors.priorauth.pas;

import org.hl7.fhir.r4.model.Resource;

import java.util.List;

/**
 * The clinical facts a prior-authorization request points to, as they are in the patient's record: each resource
 * as read from the EHR, with the EHR's id, so the request references the chart and never restates or invents it.
 */
public record ChartFacts(List<Resource> conditions, List<Resource> observations, List<Resource> medicationHistory,
                         List<Resource> procedures, List<Resource> encounters) {

    public static final ChartFacts NONE = new ChartFacts(List.of(), List.of(), List.of(), List.of(), List.of());

    public ChartFacts {
        conditions = List.copyOf(conditions);
        observations = List.copyOf(observations);
        medicationHistory = List.copyOf(medicationHistory);
        procedures = List.copyOf(procedures);
        encounters = List.copyOf(encounters);
    }

    public List<Resource> all() {
        return java.util.stream.Stream.of(conditions, observations, medicationHistory, procedures, encounters)
                .flatMap(List::stream).toList();
    }
}
