package org.medrelay.mappings.fhir;

import ca.uhn.hl7v2.ErrorCode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.Test;
import org.medrelay.mappings.hl7v2.Hl7InputException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.mappings.hl7v2.SyntheticSamples.bytes;

class AdtToFhirTest {

    private static final Hl7ToFhirMapper MAPPER = new Hl7ToFhirMapper();

    @Test
    void registrationBecomesPatientEncounterAndCoverageAsConditionalUpdates() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("adt-a04-registration.hl7"));

        assertEquals(Bundle.BundleType.TRANSACTION, bundle.getType());
        assertEquals(List.of(
                "PUT Patient?identifier=urn:medrelay:hl7:id:MRH|MRN100001",
                "PUT Encounter?identifier=urn:medrelay:hl7:id:MRH_CLINIC|V0001",
                "PUT Coverage?identifier=urn:medrelay:hl7:id:60054|XK44102"), Bundles.requestUrls(bundle));
        bundle.getEntry().forEach(e -> assertTrue(e.getFullUrl().startsWith("urn:uuid:")));
    }

    @Test
    void patientCarriesIdentifiersNameBirthDateGenderAddressAndPhone() throws Exception {
        Patient patient = Bundles.only(MAPPER.toBundle(bytes("adt-a04-registration.hl7")), Patient.class);

        assertEquals("urn:medrelay:hl7:id:MRH", patient.getIdentifierFirstRep().getSystem());
        assertEquals("MRN100001", patient.getIdentifierFirstRep().getValue());
        assertEquals("MR", patient.getIdentifierFirstRep().getType().getCodingFirstRep().getCode());
        assertEquals("XK44102", patient.getIdentifier().get(1).getValue());
        assertEquals("Testpatient", patient.getNameFirstRep().getFamily());
        assertEquals("Alma", patient.getNameFirstRep().getGiven().get(0).getValue());
        assertEquals("1971-02-14", patient.getBirthDateElement().getValueAsString());
        assertEquals(AdministrativeGender.FEMALE, patient.getGender());
        assertEquals("Springfield", patient.getAddressFirstRep().getCity());
        assertEquals("62701", patient.getAddressFirstRep().getPostalCode());
        assertEquals(ContactPoint.ContactPointSystem.PHONE, patient.getTelecomFirstRep().getSystem());
        assertEquals(ContactPoint.ContactPointUse.HOME, patient.getTelecomFirstRep().getUse());
        assertEquals("217 5550101", patient.getTelecomFirstRep().getValue());
    }

    @Test
    void coverageCarriesSubscriberPeriodPayorAndPointsAtThePatient() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("adt-a04-registration.hl7"));
        Coverage coverage = Bundles.only(bundle, Coverage.class);

        assertEquals("XK44102", coverage.getSubscriberId());
        assertEquals("2026-01-01", coverage.getPeriod().getStartElement().getValueAsString());
        assertEquals("2026-12-31", coverage.getPeriod().getEndElement().getValueAsString());
        assertEquals("Aetna Health Inc", coverage.getPayorFirstRep().getDisplay());
        assertEquals("self", coverage.getRelationship().getCodingFirstRep().getCode());
        assertEquals("GRP7788", coverage.getClass_().get(1).getValue());
        assertEquals(Bundles.fullUrlOf(bundle, Bundles.only(bundle, Patient.class)),
                coverage.getBeneficiary().getReference());
    }

    @Test
    void aChildOnAParentsPlanGetsTheInsuredAsRelatedPersonAndCoverageSubscriber() throws Exception {
        String parentsPlan = new String(bytes("adt-a04-registration.hl7"), StandardCharsets.UTF_8)
                .replace("|Testpatient^Alma^Q|SEL|19710214|", "|Testpatient^Gail|CHD|19800101|")
                .replace("||||||||||||||||||XK44102", "||||||||||||||||||XK44102|||||||F");
        Bundle bundle = MAPPER.toBundle(parentsPlan.getBytes(StandardCharsets.UTF_8));

        RelatedPerson insured = Bundles.only(bundle, RelatedPerson.class);
        assertEquals("Testpatient", insured.getNameFirstRep().getFamily());
        assertEquals("Gail", insured.getNameFirstRep().getGiven().get(0).getValue());
        assertEquals("1980-01-01", insured.getBirthDateElement().getValueAsString());
        assertEquals(AdministrativeGender.FEMALE, insured.getGender());
        assertEquals("CHILD", insured.getRelationshipFirstRep().getCodingFirstRep().getCode());
        assertEquals("XK44102-MRN100001", insured.getIdentifierFirstRep().getValue());
        assertEquals(Bundles.fullUrlOf(bundle, Bundles.only(bundle, Patient.class)), insured.getPatient().getReference());
        Coverage coverage = Bundles.only(bundle, Coverage.class);
        assertEquals("child", coverage.getRelationship().getCodingFirstRep().getCode());
        assertEquals(Bundles.fullUrlOf(bundle, insured), coverage.getSubscriber().getReference());
    }

    @Test
    void aPatientWhoIsTheInsuredGetsNoRelatedPersonAndNoSubscriberReference() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("adt-a04-registration.hl7"));

        assertTrue(bundle.getEntry().stream().noneMatch(e -> e.getResource() instanceof RelatedPerson));
        assertFalse(Bundles.only(bundle, Coverage.class).hasSubscriber());
    }

    @Test
    void admitIsAnInProgressInpatientEncounterWithAttendingAndLocation() throws Exception {
        Bundle bundle = MAPPER.toBundle(bytes("adt-a01-admit-latin1.hl7"));
        Encounter encounter = Bundles.only(bundle, Encounter.class);

        assertEquals(Encounter.EncounterStatus.INPROGRESS, encounter.getStatus());
        assertEquals("IMP", encounter.getClass_().getCode());
        assertEquals("V0006", encounter.getIdentifierFirstRep().getValue());
        assertEquals("2026-11-04T09:10:00Z", encounter.getPeriod().getStartElement().getValueAsString());
        assertEquals("ATND", encounter.getParticipantFirstRep().getTypeFirstRep().getCodingFirstRep().getCode());
        assertEquals("http://hl7.org/fhir/sid/us-npi",
                encounter.getParticipantFirstRep().getIndividual().getIdentifier().getSystem());
        assertEquals("MRH WARD3 312 B", encounter.getLocationFirstRep().getLocation().getDisplay());
        assertEquals(Bundles.fullUrlOf(bundle, Bundles.only(bundle, Patient.class)),
                encounter.getSubject().getReference());
    }

    @Test
    void latin1NameArrivesIntact() throws Exception {
        Patient patient = Bundles.only(MAPPER.toBundle(bytes("adt-a01-admit-latin1.hl7")), Patient.class);

        assertEquals("Müller-Testperson", patient.getNameFirstRep().getFamily());
        assertEquals("Dörte", patient.getNameFirstRep().getGiven().get(0).getValue());
    }

    @Test
    void dischargeFinishesTheEncounter() throws Exception {
        Encounter encounter = Bundles.only(MAPPER.toBundle(bytes("adt-a03-discharge.hl7")), Encounter.class);

        assertEquals(Encounter.EncounterStatus.FINISHED, encounter.getStatus());
        assertEquals("2026-11-07T13:30:00Z", encounter.getPeriod().getEndElement().getValueAsString());
        assertEquals("01", encounter.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode());
    }

    @Test
    void updateWithUtf8NameMapsThePatient() throws Exception {
        Patient patient = Bundles.only(MAPPER.toBundle(bytes("adt-a08-update-utf8.hl7")), Patient.class);

        assertEquals("Ñandú-Prueba", patient.getNameFirstRep().getFamily());
        assertEquals("Zoë", patient.getNameFirstRep().getGiven().get(0).getValue());
    }

    @Test
    void replayingAMessageGivesTheSameRequestsAndFullUrls() throws Exception {
        Bundle first = MAPPER.toBundle(bytes("adt-a04-registration.hl7"));
        Bundle second = MAPPER.toBundle(bytes("adt-a04-registration.hl7"));

        assertEquals(Bundles.requestUrls(first), Bundles.requestUrls(second));
        assertEquals(first.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList(),
                second.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList());
    }

    @Test
    void anAdtWithoutPidIsRefusedNamingTheSegment() {
        String noPid = "MSH|^~\\&|REG|MRH|MEDRELAY|EHR|20261101||ADT^A01|X1|P|2.5\rEVN|A01\rPV1|1|I\r";

        Hl7InputException e = assertThrows(Hl7InputException.class, () -> MAPPER.toBundle(noPid));

        assertEquals(ErrorCode.REQUIRED_FIELD_MISSING, e.getErrorCode());
        assertEquals("PID", e.location());
    }

    @Test
    void aPatientWithoutIdentifierGetsOneDerivedFromTheMessage() throws Exception {
        String noId = "MSH|^~\\&|REG|MRH|MEDRELAY|EHR|20261101||ADT^A04|CTRL7|P|2.5\rPID|1||||Nobody^Test\r";

        Bundle bundle = MAPPER.toBundle(noId);

        assertEquals(List.of("PUT Patient?identifier=urn:medrelay:hl7:derived:MRH|CTRL7-PID-2"),
                Bundles.requestUrls(bundle));
    }

    @Test
    void aBirthDateThatIsNotADateIsLeftOutNotRefused() throws Exception {
        String text = "MSH|^~\\&|REG|MRH|MEDRELAY|EHR|20261101||ADT^A04|C8|P|2.4\rPID|1||M1||Test^Ann||Aug 15, 1942|F\r";

        Patient patient = Bundles.only(MAPPER.toBundle(text), Patient.class);

        assertEquals(null, patient.getBirthDate());
        assertEquals(AdministrativeGender.FEMALE, patient.getGender());
    }
}
