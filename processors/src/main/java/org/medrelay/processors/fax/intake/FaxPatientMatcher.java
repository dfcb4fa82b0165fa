package org.medrelay.processors.fax.intake;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.gclient.ICriterion;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.medrelay.mappings.privacy.PatientKeys;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.fax.FaxFields;
import org.medrelay.processors.review.PatientRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the EHR's Patient a fax is about, from the fields read off it: by identifier (the MRN on a Patient, the
 * member id on a Coverage's beneficiary or a Patient) and by family name and birth date. Each Patient found is scored
 * by what agrees with the fax: an identifier {@value #IDENTIFIER}, the birth date {@value #BIRTH_DATE}, the family and
 * the given name {@value #NAME} each, so name and birth date alone make 0.5, an identifier with the birth date 0.8.
 * The best is a clear match when it reaches the minimum score and the next is at least the margin behind; otherwise
 * every candidate goes to a person. Each Patient read is audited.
 */
public class FaxPatientMatcher {

    static final double IDENTIFIER = 0.5;
    static final double BIRTH_DATE = 0.3;
    static final double NAME = 0.1;
    /** How the HL7v2 mapping names an assigning authority's identifier system (mappings hl7/settings.yml). */
    static final String HL7_ID_SYSTEM = "urn:medrelay:hl7:id:";
    private static final int MAX_CANDIDATES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(FaxPatientMatcher.class);

    private final IGenericClient ehr;
    private final PatientKeys keys;
    private final AuditTrail trail;
    private final String actor;
    private final double minScore;
    private final double margin;
    private final Clock clock;

    public FaxPatientMatcher(IGenericClient ehr, PatientKeys keys, AuditTrail trail, String actor, double minScore,
                             double margin, Clock clock) {
        this.ehr = ehr;
        this.keys = keys;
        this.trail = trail;
        this.actor = actor;
        this.minScore = minScore;
        this.margin = margin;
        this.clock = clock;
    }

    public PatientMatch match(FaxFields fields, String sourceKey) throws SQLException {
        Map<String, Patient> found = new LinkedHashMap<>();
        Map<String, String> byMemberId = new LinkedHashMap<>();
        if (fields.mrn() != null) {
            search(Patient.IDENTIFIER.exactly().code(fields.mrn())).forEach(p -> found.putIfAbsent(id(p), p));
        }
        if (fields.memberId() != null) {
            Bundle coverages = ehr.search().forResource(Coverage.class)
                    .where(Coverage.IDENTIFIER.exactly().code(fields.memberId())).returnBundle(Bundle.class).execute();
            for (Bundle.BundleEntryComponent entry : coverages.getEntry()) {
                String beneficiary = ((Coverage) entry.getResource()).getBeneficiary().getReference();
                if (beneficiary != null && beneficiary.startsWith("Patient/") && !found.containsKey(beneficiary)) {
                    found.put(beneficiary, ehr.read().resource(Patient.class).withId(beneficiary).execute());
                }
                if (beneficiary != null) {
                    byMemberId.put(beneficiary, fields.memberId());
                }
            }
            search(Patient.IDENTIFIER.exactly().code(fields.memberId())).forEach(p -> found.putIfAbsent(id(p), p));
        }
        Optional<String> family = family(fields.patientName());
        if (family.isPresent() && fields.birthDate() != null) {
            try {
                ehr.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family.get()))
                        .and(Patient.BIRTHDATE.exactly().day(fields.birthDate().toString())).count(MAX_CANDIDATES)
                        .returnBundle(Bundle.class).execute().getEntry()
                        .forEach(e -> found.putIfAbsent(id((Patient) e.getResource()), (Patient) e.getResource()));
            } catch (InvalidRequestException e) {
                // US Core requires family + birthdate, but an EHR (or the sandbox) may refuse it: identifiers still match
                LOG.warn("The EHR refused a Patient search by family and birthdate (HTTP {}): {} matched by identifiers only",
                        e.getStatusCode(), sourceKey);
            }
        }
        List<MatchCandidate> candidates = new ArrayList<>();
        for (Patient patient : found.values()) {
            MatchCandidate candidate = score(patient, fields, byMemberId.containsKey(id(patient)));
            if (candidate.score() > 0) {
                candidates.add(candidate);
            }
        }
        candidates.sort(Comparator.comparingDouble(MatchCandidate::score).reversed());
        List<MatchCandidate> kept = candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
        for (MatchCandidate candidate : kept) {
            trail.append(AuditEvent.of(actor, AuditAction.READ, clock.instant(),
                    new AuditSubject(candidate.patient().pseudonymKey(), sourceKey, FaxInbox.INTERFACE),
                    candidate.patient().reference(), AuditOutcome.SUCCESS, "candidate patient of a fax"));
        }
        boolean clear = !kept.isEmpty() && kept.get(0).score() >= minScore
                && (kept.size() == 1 || kept.get(1).score() <= kept.get(0).score() - margin);
        return new PatientMatch(clear ? Optional.of(kept.get(0)) : Optional.empty(), kept);
    }

    private MatchCandidate score(Patient patient, FaxFields fields, boolean coverageHit) {
        List<String> agreed = new ArrayList<>();
        double score = 0;
        boolean mrn = fields.mrn() != null && hasIdentifier(patient, fields.mrn());
        boolean member = fields.memberId() != null && (coverageHit || hasIdentifier(patient, fields.memberId()));
        if (mrn) {
            agreed.add("mrn");
        }
        if (member) {
            agreed.add("member id");
        }
        if (mrn || member) {
            score += IDENTIFIER;
        }
        if (fields.birthDate() != null && fields.birthDate().toString().equals(patient.getBirthDateElement().getValueAsString())) {
            score += BIRTH_DATE;
            agreed.add("birth date");
        }
        Optional<String> family = family(fields.patientName());
        Optional<String> given = given(fields.patientName());
        HumanName name = patient.getNameFirstRep();
        if (family.isPresent() && name.hasFamily() && norm(name.getFamily()).equals(norm(family.get()))) {
            score += NAME;
            agreed.add("family name");
        }
        if (given.isPresent() && name.getGiven().stream().anyMatch(g -> norm(g.getValue()).equals(norm(given.get())))) {
            score += NAME;
            agreed.add("given name");
        }
        return new MatchCandidate(patientRef(patient), Math.min(1.0, Math.round(score * 100) / 100.0), agreed);
    }

    private List<Patient> search(ICriterion<?> criterion) {
        return ehr.search().forResource(Patient.class).where(criterion).count(MAX_CANDIDATES).returnBundle(Bundle.class)
                .execute().getEntry().stream().map(e -> (Patient) e.getResource()).toList();
    }

    private static boolean hasIdentifier(Patient patient, String value) {
        return patient.getIdentifier().stream().anyMatch(i -> value.equalsIgnoreCase(i.getValue()));
    }

    /** The field extractor turns "LAST, First" round: the last word is the family name. */
    static Optional<String> family(String patientName) {
        if (patientName == null || patientName.isBlank()) {
            return Optional.empty();
        }
        String[] words = patientName.strip().split("\\s+");
        return Optional.of(words[words.length - 1]);
    }

    static Optional<String> given(String patientName) {
        if (patientName == null || patientName.isBlank()) {
            return Optional.empty();
        }
        String[] words = patientName.strip().split("\\s+");
        return words.length > 1 ? Optional.of(words[0]) : Optional.empty();
    }

    private static String norm(String name) {
        return name == null ? "" : name.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }

    private static String id(Patient patient) {
        return "Patient/" + patient.getIdElement().getIdPart();
    }

    /** The key the ingest path gives the patient (PID-3 authority and MRN), else a keyed hash of the EHR reference. */
    private PatientRef patientRef(Patient patient) {
        String reference = id(patient);
        Optional<Identifier> mrn = patient.getIdentifier().stream()
                .filter(i -> i.hasSystem() && i.getSystem().startsWith(HL7_ID_SYSTEM) && i.hasValue())
                .min((a, b) -> Boolean.compare(!isMrn(a), !isMrn(b)));
        String key = mrn.map(i -> keys.keyOf(i.getSystem().substring(HL7_ID_SYSTEM.length()) + ":" + i.getValue()))
                .orElseGet(() -> keys.keyOf("ehr-patient|" + reference));
        return new PatientRef(reference, key);
    }

    private static boolean isMrn(Identifier identifier) {
        return identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()));
    }
}
