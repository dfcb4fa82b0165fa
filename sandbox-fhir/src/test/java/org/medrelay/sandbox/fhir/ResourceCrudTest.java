package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceCrudTest {

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

    private static Patient registeredPatient(String family) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.3.4711.2.1").setValue("MRN-" + family);
        patient.addName().setFamily(family).addGiven("Ada");
        patient.setGender(AdministrativeGender.FEMALE);
        return patient;
    }

    @Test
    void createAssignsServerIdAndVersionOne() {
        MethodOutcome outcome = client.create().resource(registeredPatient("Lovelace")).execute();

        assertTrue(outcome.getCreated());
        assertNotNull(outcome.getId().getIdPart());
        assertEquals("1", outcome.getId().getVersionIdPart());
        Patient stored = client.read().resource(Patient.class).withId(outcome.getId().getIdPart()).execute();
        assertEquals("Lovelace", stored.getNameFirstRep().getFamily());
        assertEquals("1", stored.getMeta().getVersionId());
        assertNotNull(stored.getMeta().getLastUpdated());
    }

    @Test
    void updateKeepsEarlierVersionReadableByVread() {
        IIdType id = client.create().resource(registeredPatient("Hopper")).execute().getId().toUnqualifiedVersionless();
        Patient married = client.read().resource(Patient.class).withId(id).execute();
        married.getNameFirstRep().setFamily("Hopper-Murray");

        MethodOutcome update = client.update().resource(married).execute();

        assertEquals("2", update.getId().getVersionIdPart());
        Patient current = client.read().resource(Patient.class).withId(id).execute();
        assertEquals("Hopper-Murray", current.getNameFirstRep().getFamily());
        assertEquals("2", current.getMeta().getVersionId());
        Patient first = client.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "1").execute();
        assertEquals("Hopper", first.getNameFirstRep().getFamily());
        assertEquals("1", first.getMeta().getVersionId());
    }

    @Test
    void historyListsVersionsNewestFirst() {
        IIdType id = client.create().resource(registeredPatient("Noether")).execute().getId().toUnqualifiedVersionless();
        Patient patient = client.read().resource(Patient.class).withId(id).execute();
        client.update().resource(patient.setActive(true)).execute();

        Bundle history = client.history().onInstance(id).returnBundle(Bundle.class).execute();

        List<String> versions = history.getEntry().stream().map(e -> e.getResource().getMeta().getVersionId()).toList();
        assertEquals(List.of("2", "1"), versions);
    }

    @Test
    void updateWithClientIdCreatesResource() {
        Patient patient = registeredPatient("Franklin");
        patient.setId("pat-franklin");

        MethodOutcome outcome = client.update().resource(patient).execute();

        assertTrue(outcome.getCreated());
        assertEquals("pat-franklin", outcome.getId().getIdPart());
        assertEquals("1", outcome.getId().getVersionIdPart());
        assertEquals("Franklin", client.read().resource(Patient.class).withId("pat-franklin").execute()
                .getNameFirstRep().getFamily());
    }

    @Test
    void unknownIdIsNotFound() {
        assertThrows(ResourceNotFoundException.class,
                () -> client.read().resource(Patient.class).withId("no-such-patient").execute());
    }

    @Test
    void unknownVersionIsNotFound() {
        IIdType id = client.create().resource(registeredPatient("Curie")).execute().getId();

        assertThrows(ResourceNotFoundException.class, () -> client.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "7").execute());
    }

    @Test
    void deletedResourceIsGoneAndLeavesSearches() {
        IIdType id = client.create().resource(registeredPatient("Meitner")).execute().getId().toUnqualifiedVersionless();

        client.delete().resourceById(id).execute();

        assertThrows(ResourceGoneException.class, () -> client.read().resource(Patient.class).withId(id).execute());
        Bundle found = client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode("urn:oid:2.16.840.1.113883.3.4711.2.1", "MRN-Meitner"))
                .returnBundle(Bundle.class).execute();
        assertEquals(0, found.getEntry().size());
    }

    @Test
    void updateWithStaleIfMatchIsRejected() {
        IIdType id = client.create().resource(registeredPatient("Germain")).execute().getId().toUnqualifiedVersionless();
        Patient patient = client.read().resource(Patient.class).withId(id).execute();
        client.update().resource(patient.setActive(true)).execute();

        patient.setActive(false);
        assertThrows(PreconditionFailedException.class,
                () -> client.update().resource(patient).withId(id).withAdditionalHeader("If-Match", "W/\"1\"").execute());

        MethodOutcome current = client.update().resource(patient).withId(id).withAdditionalHeader("If-Match", "W/\"2\"").execute();
        assertEquals("3", current.getId().getVersionIdPart());
    }

    @Test
    void readAnswersWithTheVersionAsETag() throws Exception {
        IIdType id = client.create().resource(registeredPatient("Johnson")).execute().getId().toUnqualifiedVersionless();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.getBaseUrl() + "/Patient/" + id.getIdPart())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("W/\"1\"", response.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void overlongIdentifierIsRefusedWithoutEchoingIt() {
        Patient patient = registeredPatient("Long");
        String overlong = "X".repeat(SearchIndexExtractor.MAX_TOKEN_LENGTH + 1);
        patient.getIdentifierFirstRep().setValue(overlong);

        UnprocessableEntityException refused = assertThrows(UnprocessableEntityException.class,
                () -> client.create().resource(patient).execute());
        assertFalse(refused.getMessage().contains(overlong));
    }

    @Test
    void capabilityStatementAdvertisesOnlySupportedSearchParameters() {
        CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

        assertEquals(List.of("_id", "_lastUpdated", "beneficiary", "identifier", "patient"), searchParameters(capabilities, "Coverage"));
        assertEquals(List.of("_id", "_lastUpdated", "identifier", "patient", "subject"), searchParameters(capabilities, "Observation"));
        assertEquals(List.of("_id", "_lastUpdated", "identifier", "name"), searchParameters(capabilities, "Organization"));
        assertEquals(List.of("_id", "_lastUpdated", "birthdate", "family", "given", "identifier", "name"),
                searchParameters(capabilities, "Patient"));
        assertFalse(resourceNames(capabilities).contains("Binary"));
        assertTrue(resourceNames(capabilities).containsAll(List.of("Patient", "Coverage", "Encounter", "Appointment",
                "ServiceRequest", "MedicationRequest", "Observation", "DiagnosticReport", "DocumentReference", "Organization",
                "Practitioner", "Location", "Task", "CoverageEligibilityResponse", "ExplanationOfBenefit", "Claim",
                "AuditEvent", "Communication")));
    }

    private static List<String> resourceNames(CapabilityStatement capabilities) {
        return capabilities.getRestFirstRep().getResource().stream().map(CapabilityStatementRestResourceComponent::getType).toList();
    }

    private static List<String> searchParameters(CapabilityStatement capabilities, String type) {
        return capabilities.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals(type))
                .flatMap(resource -> resource.getSearchParam().stream())
                .map(CapabilityStatementRestResourceSearchParamComponent::getName)
                .sorted()
                .toList();
    }
}
