package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchTest {

    private static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.3.4711.2.1";
    private static final String LEGACY_SYSTEM = "urn:oid:2.16.840.1.113883.3.4711.9.9";

    @TempDir
    static Path dataDirectory;

    private static SandboxFhirServer server;
    private static IGenericClient client;

    @BeforeAll
    static void startSandbox() {
        server = RunningSandbox.start(dataDirectory);
        client = RunningSandbox.clientOf(server);
    }

    @AfterAll
    static void stopSandbox() {
        server.stop();
    }

    private static String createPatient(String system, String value) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(system).setValue(value);
        patient.addName().setFamily("Search").addGiven("Test");
        return client.create().resource(patient).execute().getId().getIdPart();
    }

    private static Set<String> idsFound(String url) {
        Bundle bundle = client.search().byUrl(url).returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).collect(Collectors.toSet());
    }

    @Test
    void identifierMatchesSystemAndValueValueOnlyAndNoSystem() {
        String value = "MRN-" + UUID.randomUUID();
        String inMrnSystem = createPatient(MRN_SYSTEM, value);
        String inLegacySystem = createPatient(LEGACY_SYSTEM, value);
        String withoutSystem = createPatient(null, value);

        assertEquals(Set.of(inMrnSystem), idsFound("Patient?identifier=" + MRN_SYSTEM + "|" + value));
        assertEquals(Set.of(inMrnSystem, inLegacySystem, withoutSystem), idsFound("Patient?identifier=" + value));
        assertEquals(Set.of(withoutSystem), idsFound("Patient?identifier=|" + value));
    }

    @Test
    void identifierThroughTheTypedClientQuery() {
        String value = "MRN-" + UUID.randomUUID();
        String id = createPatient(MRN_SYSTEM, value);

        Bundle bundle = client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(MRN_SYSTEM, value))
                .returnBundle(Bundle.class).execute();

        assertEquals(1, bundle.getTotal());
        assertEquals(id, bundle.getEntryFirstRep().getResource().getIdElement().getIdPart());
    }

    @Test
    void identifierOrValuesAndAndedParameters() {
        String first = "MRN-" + UUID.randomUUID();
        String second = "MRN-" + UUID.randomUUID();
        String firstId = createPatient(MRN_SYSTEM, first);
        String secondId = createPatient(MRN_SYSTEM, second);

        assertEquals(Set.of(firstId, secondId), idsFound("Patient?identifier=" + MRN_SYSTEM + "|" + first + "," + MRN_SYSTEM + "|" + second));
        assertEquals(Set.of(), idsFound("Patient?identifier=" + first + "&identifier=" + second));
        assertEquals(Set.of(firstId), idsFound("Patient?_id=" + firstId + "&identifier=" + first));
    }

    @Test
    void clinicalResourcesAreFoundByTheirPatient() {
        String patientId = createPatient(MRN_SYSTEM, "MRN-" + UUID.randomUUID());
        String otherPatientId = createPatient(MRN_SYSTEM, "MRN-" + UUID.randomUUID());
        Encounter encounter = new Encounter().setSubject(new Reference("Patient/" + patientId));
        encounter.setStatus(Encounter.EncounterStatus.ARRIVED);
        String encounterId = client.create().resource(encounter).execute().getId().getIdPart();
        Observation observation = new Observation().setSubject(new Reference("Patient/" + patientId));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        String observationId = client.create().resource(observation).execute().getId().getIdPart();
        Coverage coverage = new Coverage().setBeneficiary(new Reference("Patient/" + patientId));
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        String coverageId = client.create().resource(coverage).execute().getId().getIdPart();

        assertEquals(Set.of(encounterId), idsFound("Encounter?patient=Patient/" + patientId));
        assertEquals(Set.of(encounterId), idsFound("Encounter?patient=" + patientId));
        assertEquals(Set.of(observationId), idsFound("Observation?subject=Patient/" + patientId));
        assertEquals(Set.of(coverageId), idsFound("Coverage?beneficiary=Patient/" + patientId));
        assertEquals(Set.of(coverageId), idsFound("Coverage?patient=" + patientId));
        assertEquals(Set.of(), idsFound("Encounter?patient=Patient/" + otherPatientId));
    }

    @Test
    void patientParameterIgnoresSubjectsThatAreNotPatients() {
        String groupId = "group-" + UUID.randomUUID();
        Observation observation = new Observation().setSubject(new Reference("Group/" + groupId));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        String observationId = client.create().resource(observation).execute().getId().getIdPart();

        assertEquals(Set.of(), idsFound("Observation?patient=" + groupId));
        assertEquals(Set.of(observationId), idsFound("Observation?subject=Group/" + groupId));
    }

    @Test
    void referenceParameterTheTypeDoesNotDefineIsRejected() {
        assertThrows(InvalidRequestException.class, () -> idsFound("Organization?patient=Patient/1"));
    }

    @Test
    void searchWithoutParametersPagesThroughEveryResourceOfTheType() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(client.create().resource(new Organization().setName("Payer " + i)).execute().getId().getIdPart());
        }

        Bundle page = client.search().forResource(Organization.class).count(2).returnBundle(Bundle.class).execute();
        assertEquals(5, page.getTotal());
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (page != null) {
            pages++;
            assertNotNull(page.getEntry());
            page.getEntry().forEach(entry -> seen.add(entry.getResource().getIdElement().getIdPart()));
            page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
        }
        assertEquals(3, pages);
        assertEquals(created, seen);
    }

    @Test
    void lastUpdatedBoundsTheSearch() throws InterruptedException {
        String before = createPatient(MRN_SYSTEM, "MRN-" + UUID.randomUUID());
        Resource stored = client.read().resource(Patient.class).withId(before).execute();
        Thread.sleep(5);
        String after = createPatient(MRN_SYSTEM, "MRN-" + UUID.randomUUID());
        String cut = stored.getMeta().getLastUpdatedElement().getValueAsString();

        Set<String> newer = idsFound("Patient?_lastUpdated=gt" + cut);
        Set<String> older = idsFound("Patient?_lastUpdated=le" + cut + "&_count=500");

        assertEquals(Set.of(after), newer.stream().filter(id -> id.equals(after) || id.equals(before)).collect(Collectors.toSet()));
        assertEquals(Set.of(before), older.stream().filter(id -> id.equals(after) || id.equals(before)).collect(Collectors.toSet()));
    }

    @Test
    void emptyResultHasNoNextPage() {
        Bundle bundle = client.search().byUrl("Patient?identifier=no-such-mrn").returnBundle(Bundle.class).execute();

        assertEquals(0, bundle.getTotal());
        assertNull(bundle.getLink(Bundle.LINK_NEXT));
    }
}
