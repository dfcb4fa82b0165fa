package org.medrelay.sandbox.fhir;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Patient search by family, given, name and birthdate, as fax intake and US Core use it. Every name is synthetic. */
class NameAndBirthDateSearchTest {

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

    private static Patient patient(String family, String birthDate, String... given) {
        Patient patient = new Patient();
        patient.addName().setFamily(family);
        for (String part : given) {
            patient.getNameFirstRep().addGiven(part);
        }
        if (birthDate != null) {
            patient.setBirthDateElement(new DateType(birthDate));
        }
        return patient;
    }

    private static String create(Patient patient) {
        return client.create().resource(patient).execute().getId().getIdPart();
    }

    private static Set<String> idsFound(String url) {
        Bundle bundle = client.search().byUrl(url).returnBundle(Bundle.class).execute();
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).collect(Collectors.toSet());
    }

    @Test
    void familyStartsWithIgnoringCaseAndAccents() {
        String mueller = create(patient("Zwölfmüller", "1970-01-01", "Hanna"));
        String muellen = create(patient("Zwolfmullen", "1970-01-01", "Jonas"));
        create(patient("Zwanziger", "1970-01-01", "Lea"));

        assertEquals(Set.of(mueller, muellen), idsFound("Patient?family=zwolfmul"));
        assertEquals(Set.of(mueller), idsFound("Patient?family=ZWÖLFMÜLLER"));
        assertEquals(Set.of(mueller), idsFound("Patient?family=zwolfmuller"));
        assertEquals(Set.of(), idsFound("Patient?family=mullen"), "starts with, not contains");
    }

    @Test
    void exactMatchesTheWholeValueAsWritten() {
        String id = create(patient("Ödegård", "1971-02-03", "Siri"));

        assertEquals(Set.of(id), idsFound("Patient?family:exact=Ödegård"));
        assertEquals(Set.of(), idsFound("Patient?family:exact=ödegård"));
        assertEquals(Set.of(), idsFound("Patient?family:exact=Ödeg"));
        assertEquals(Set.of(id), idsFound("Patient?family=odeg"));
    }

    @Test
    void givenMatchesAnyGivenNameAndNameMatchesAnyPart() {
        Patient withPrefix = patient("Quistorp", "1972-03-04", "Annelie", "Marit");
        withPrefix.getNameFirstRep().addPrefix("Dr.");
        String id = create(withPrefix);
        create(patient("Annersby", "1972-03-04", "Quentin"));

        assertEquals(Set.of(id), idsFound("Patient?given=marit"));
        assertEquals(Set.of(id), idsFound("Patient?given=anneli"));
        assertEquals(Set.of(), idsFound("Patient?given=quistorp"), "given does not match the family name");
        assertEquals(Set.of(id), idsFound("Patient?name=quistorp"));
        assertEquals(Set.of(id), idsFound("Patient?name=mar"));
        assertEquals(Set.of(id), idsFound("Patient?name=dr.&name=quist"));
    }

    @Test
    void birthdateOnTheDayAndWithPrefixes() {
        String may14 = create(patient("Birkeland", "1980-05-14", "Eira"));
        String may15 = create(patient("Birkeland", "1980-05-15", "Odd"));
        String newYear81 = create(patient("Birkeland", "1981-01-01", "Tor"));
        String yearOnly = create(patient("Birkeland", "1980", "Unn"));

        assertEquals(Set.of(may14), idsFound("Patient?family=birkeland&birthdate=1980-05-14"));
        assertEquals(Set.of(may14), idsFound("Patient?family=birkeland&birthdate=eq1980-05-14"));
        assertEquals(Set.of(may14, may15, yearOnly), idsFound("Patient?family=birkeland&birthdate=1980"));
        assertEquals(Set.of(may14, may15), idsFound("Patient?family=birkeland&birthdate=1980-05"));
        assertEquals(Set.of(may15, newYear81, yearOnly), idsFound("Patient?family=birkeland&birthdate=ge1980-05-15"));
        assertEquals(Set.of(may14, yearOnly), idsFound("Patient?family=birkeland&birthdate=le1980-05-14"));
        assertEquals(Set.of(newYear81, yearOnly), idsFound("Patient?family=birkeland&birthdate=gt1980-05-15"));
        assertEquals(Set.of(yearOnly), idsFound("Patient?family=birkeland&birthdate=lt1980-05-14"));
        // A date known only to the year overlaps both bounds, so FHIR's ge/le keep it.
        assertEquals(Set.of(may15, yearOnly), idsFound("Patient?family=birkeland&birthdate=ge1980-05-15&birthdate=le1980-12-30"));
        assertEquals(Set.of(may14, newYear81), idsFound("Patient?family=birkeland&birthdate=1980-05-14,1981-01-01"));
    }

    @Test
    void parametersAndTogetherAndCommasOr() {
        String ida = create(patient("Hallgrimsson", "1990-07-08", "Ida"));
        String ivar = create(patient("Hallgrimsson", "1991-07-08", "Ivar"));
        String otherFamily = create(patient("Hallvardsen", "1990-07-08", "Ida"));

        assertEquals(Set.of(ida), idsFound("Patient?family=hallgrimsson&birthdate=1990-07-08"));
        assertEquals(Set.of(ida, otherFamily), idsFound("Patient?family=hall&given=ida"));
        assertEquals(Set.of(ida, ivar), idsFound("Patient?family=hallgrimsson&given=ida,ivar"));
        assertEquals(Set.of(ida, ivar, otherFamily), idsFound("Patient?family=hallgrimsson,hallvardsen"));
        assertEquals(Set.of(), idsFound("Patient?family=hallvardsen&given=ivar"));
    }

    /** The query FaxPatientMatcher sends: {@code family} with {@code birthdate} on the day, through the typed client. */
    @Test
    void typedClientFamilyAndBirthdateAsFaxIntakeSendsIt() {
        String id = create(patient("Thorvaldsdottir", "1965-11-30", "Sigrun"));
        create(patient("Thorvaldsdottir", "1965-11-29", "Sigrun"));

        Bundle bundle = client.search().forResource(Patient.class)
                .where(Patient.FAMILY.matches().value("Thorvaldsdottir"))
                .and(Patient.BIRTHDATE.exactly().day("1965-11-30"))
                .returnBundle(Bundle.class).execute();

        assertEquals(List.of(id), bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList());
    }

    /** Organization defines name on two string elements, name and alias: either matches. */
    @Test
    void organizationNameMatchesItsNameOrAlias() {
        Organization clinic = new Organization();
        clinic.setName("Fjordview Family Clinic").addAlias("Nordlys Helse");
        String id = client.create().resource(clinic).execute().getId().getIdPart();

        assertEquals(Set.of(id), idsFound("Organization?name=fjordview"));
        assertEquals(Set.of(id), idsFound("Organization?name=nordlys"));
        assertEquals(Set.of(), idsFound("Organization?name=family"));
    }

    @Test
    void updateAndDeleteKeepTheIndexCurrent() {
        Patient patient = patient("Vestergaard", "1955-04-04", "Mette");
        String id = create(patient);
        patient.setId(id);
        patient.getNameFirstRep().setFamily("Nordgård");
        patient.setBirthDateElement(new DateType("1955-04-05"));
        client.update().resource(patient).execute();

        assertEquals(Set.of(), idsFound("Patient?family=vestergaard"));
        assertEquals(Set.of(), idsFound("Patient?family=nordgard&birthdate=1955-04-04"));
        assertEquals(Set.of(id), idsFound("Patient?family=nordgard&birthdate=1955-04-05"));

        client.delete().resourceById("Patient", id).execute();
        assertEquals(Set.of(), idsFound("Patient?family=nordgard"));
    }

    @Test
    void whatTheSandboxDoesNotImplementIsRefusedWithTheReason() {
        InvalidRequestException contains = assertThrows(InvalidRequestException.class,
                () -> idsFound("Patient?family:contains=ull"));
        assertTrue(contains.getMessage().contains(":contains"), contains.getMessage());
        InvalidRequestException notEqual = assertThrows(InvalidRequestException.class,
                () -> idsFound("Patient?birthdate=ne1980-05-14"));
        assertTrue(notEqual.getMessage().contains("not ne"), notEqual.getMessage());
        InvalidRequestException undefined = assertThrows(InvalidRequestException.class,
                () -> idsFound("Observation?birthdate=1980-05-14"));
        assertTrue(undefined.getMessage().contains("birthdate is not defined for Observation"), undefined.getMessage());
        assertThrows(InvalidRequestException.class, () -> idsFound("Patient?address-city=Oslo"));
        assertThrows(InvalidRequestException.class, () -> idsFound("Patient?birthdate=14.05.1980"));
        assertThrows(InvalidRequestException.class, () -> idsFound("Patient?family="));
    }

    @Test
    void capabilityStatementListsTheNewParametersForPatientOnly() {
        CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
        Set<String> patient = searchParamsOf(statement, "Patient");
        Set<String> observation = searchParamsOf(statement, "Observation");

        assertTrue(patient.containsAll(Set.of("family", "given", "name", "birthdate", "identifier")), patient.toString());
        assertTrue(observation.stream().noneMatch(Set.of("family", "given", "birthdate")::contains), observation.toString());
    }

    private static Set<String> searchParamsOf(CapabilityStatement statement, String type) {
        return statement.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst()
                .orElseThrow().getSearchParam().stream().map(p -> p.getName()).collect(Collectors.toSet());
    }
}
