package org.medrelay.processors.refill;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.sandbox.fhir.SandboxFhirServer;
import org.medrelay.sandbox.fhir.SandboxFhirSettings;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A synthetic patient's chart in a sandbox FHIR server on loopback: the EHR refill triage reads. Invented names,
 * NPIs and MRNs only.
 */
final class SandboxChart implements AutoCloseable {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";
    static final String PRESCRIBER_NPI = "1987654321";
    static final String OTHER_NPI = "1555555555";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    final SandboxFhirServer server;
    final IGenericClient client;
    private final Instant now;

    SandboxChart(Instant now) {
        this.now = now;
        server = new SandboxFhirServer(SandboxFhirSettings.of("jdbc:h2:mem:ehr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "127.0.0.1", 0, "/fhir"), FHIR);
        server.start();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        client = FHIR.newRestfulGenericClient(server.getBaseUrl());
    }

    /** @return {@code Patient/<id>} */
    String patient(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem("urn:oid:2.16.840.1.113883.19.5").setValue(mrn)
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null))));
        patient.addName().setFamily("Testpatient").addGiven("Quinta");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("217-555-0199");
        return create(patient);
    }

    String visit(String patient, String npi, int daysAgo) {
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setSubject(new Reference(patient));
        encounter.addParticipant().setIndividual(prescriber(npi));
        encounter.setPeriod(new Period().setStart(ago(daysAgo)).setEnd(ago(daysAgo)));
        return create(encounter);
    }

    String lab(String patient, String loinc, int daysAgo, String value, String unit) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.setSubject(new Reference(patient));
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
        observation.setEffective(new DateTimeType(ago(daysAgo)));
        observation.setValue(new Quantity().setValue(new BigDecimal(value)).setUnit(unit));
        return create(observation);
    }

    String bloodPressure(String patient, int daysAgo) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.setSubject(new Reference(patient));
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "85354-9", "Blood pressure panel")));
        observation.setEffective(new DateTimeType(ago(daysAgo)));
        observation.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8480-6", null)))
                .setValue(new Quantity().setValue(128).setUnit("mm[Hg]"));
        observation.addComponent().setCode(new CodeableConcept(new Coding("http://loinc.org", "8462-4", null)))
                .setValue(new Quantity().setValue(82).setUnit("mm[Hg]"));
        return create(observation);
    }

    /** An earlier prescription on the chart. */
    String prescribed(String patient, String rxnorm, String drug, int daysAgo) {
        MedicationRequest earlier = request(patient, rxnorm, drug, PRESCRIBER_NPI);
        earlier.setAuthoredOn(ago(daysAgo));
        earlier.addIdentifier().setSystem("urn:test:rx").setValue("RX-" + UUID.randomUUID());
        return create(earlier);
    }

    /** The refill request itself (not written to the EHR). */
    static MedicationRequest request(String patient, String rxnorm, String drug, String npi) {
        MedicationRequest request = new MedicationRequest().setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE)
                .setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(new Reference(patient));
        CodeableConcept medication = new CodeableConcept().setText(drug);
        if (rxnorm != null) {
            medication.addCoding(new Coding(RXNORM, rxnorm, drug));
        }
        request.setMedication(medication);
        request.setRequester(prescriber(npi).setDisplay("Dr Evan Physician"));
        return request;
    }

    static Reference prescriber(String npi) {
        return new Reference().setIdentifier(new Identifier().setSystem(NPI_SYSTEM).setValue(npi));
    }

    private Date ago(int days) {
        return Date.from(now.minus(Duration.ofDays(days)));
    }

    private String create(Resource resource) {
        return client.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
    }

    @Override
    public void close() {
        server.close();
    }
}
