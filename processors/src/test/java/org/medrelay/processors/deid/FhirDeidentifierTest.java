package org.medrelay.processors.deid;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.deid.TestSessions.session;
import static org.medrelay.processors.deid.TestSessions.withoutPseudonyms;

/** FHIR R4 resources through the HAPI model: datatypes wherever they appear, photos, narratives, free-text strings. */
class FhirDeidentifierTest {

    private final FhirDeidentifier fhir = new FhirDeidentifier();

    static Patient patient() {
        Patient patient = new Patient();
        patient.setId("pat-100991");
        patient.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.19.5").setValue("MRN100991")
                .getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR");
        patient.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("123-45-6789");
        patient.addName().setFamily("Testpatient").addGiven("Alma").addGiven("Rose").addPrefix("Ms.")
                .setText("Alma Rose Testpatient");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("217-555-0142");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.FAX).setValue("217-555-0143");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("alma.testpatient@example.org");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.URL).setValue("https://alma-testpatient.example.com");
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType("1961-03-17"));
        patient.addAddress().addLine("1428 Quillfeather Lane").setCity("Springfield").setState("IL").setPostalCode("62704");
        patient.addPhoto().setContentType("image/jpeg").setData(new byte[] {(byte) 0xFF, (byte) 0xD8});
        patient.addContact().setName(new org.hl7.fhir.r4.model.HumanName().setFamily("Testpatient").addGiven("Rolf"))
                .addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("217-555-0145");
        Narrative narrative = new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED);
        narrative.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Alma Testpatient, DOB 03/17/1961,"
                + " MRN100991, lives in <b>Springfield</b></p></div>");
        patient.setText(narrative);
        return patient;
    }

    @Test
    void patientNamesIdentifiersTelecomAndBirthDate() {
        Patient out = fhir.deidentify(patient(), session());
        assertTrue(out.getNameFirstRep().getFamily().matches("\\[NAME-\\d+]"));
        assertEquals("Ms.", out.getNameFirstRep().getPrefixAsSingleString());
        assertFalse(out.getNameFirstRep().getText().contains("Alma"));
        assertTrue(out.getIdentifier().get(0).getValue().matches("\\[MRN-\\d+]"));
        assertTrue(out.getIdentifier().get(1).getValue().matches("\\[SSN-\\d+]"));
        assertTrue(out.getTelecom().get(0).getValue().matches("\\[PHONE-\\d+]"));
        assertTrue(out.getTelecom().get(1).getValue().matches("\\[FAX-\\d+]"));
        assertTrue(out.getTelecom().get(2).getValue().matches("\\[EMAIL-\\d+]"));
        assertTrue(out.getTelecom().get(3).getValue().matches("\\[URL-\\d+]"));
        assertEquals("1961", out.getBirthDateElement().getValueAsString());
        assertEquals(Enumerations.AdministrativeGender.FEMALE, out.getGender());
        assertTrue(out.getContactFirstRep().getName().getGivenAsSingleString().startsWith("[NAME-"));
    }

    @Test
    void theInputResourceIsNotChanged() {
        Patient in = patient();
        fhir.deidentify(in, session());
        assertEquals("Testpatient", in.getNameFirstRep().getFamily());
    }

    @Test
    void patientPhotoIsRemovedAndImageAttachmentsLoseTheirContent() {
        DeidentificationSession s = session();
        Patient out = fhir.deidentify(patient(), s);
        assertTrue(out.getPhoto().isEmpty());
        DocumentReference document = new DocumentReference();
        document.addContent().setAttachment(new Attachment().setContentType("image/png").setUrl("http://files.example.org/face.png")
                .setData(new byte[] {1, 2, 3}));
        Attachment image = fhir.deidentify(document, s).getContentFirstRep().getAttachment();
        assertFalse(image.hasData() || image.hasUrl());
        assertEquals(2, s.report().count(IdentifierKind.PHOTO));
    }

    @Test
    void textAttachmentsAreDeidentifiedAndOtherBinariesDropped() {
        DocumentReference document = new DocumentReference();
        document.addContent().setAttachment(new Attachment().setContentType("text/plain")
                .setData("Patient: Alma Testpatient, MRN 100991".getBytes(StandardCharsets.UTF_8)));
        document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setData(new byte[] {37, 80}));
        DeidentificationSession s = session();
        DocumentReference out = fhir.deidentify(document, s);
        String text = new String(out.getContent().get(0).getAttachment().getData(), StandardCharsets.UTF_8);
        assertTrue(text.matches("Patient: \\[NAME-\\d+] \\[NAME-\\d+], MRN \\[MRN-\\d+]"), text);
        assertFalse(out.getContent().get(1).getAttachment().hasData());
        assertEquals(1, s.report().count(IdentifierKind.BINARY_CONTENT));
    }

    @Test
    void narrativeTextIsDeidentifiedWithTheResourceNamesAndStaysXhtml() {
        Patient out = fhir.deidentify(patient(), session());
        String div = out.getText().getDivAsString();
        assertFalse(div.contains("Alma") || div.contains("Testpatient") || div.contains("MRN100991")
                || div.contains("03/17") || div.contains("Springfield"), div);
        assertTrue(div.contains("<b>[CITY-"), div);
    }

    @Test
    void observationStringsAndAnnotationsGoThroughTheFreeTextPass() {
        Observation observation = new Observation();
        observation.setValue(new StringType("Mrs. Testperson says her son, Mr. Rolf Testperson, calls 217-555-0145"));
        observation.addNote(new Annotation().setText("Reviewed with Dr. Dana Doctor on 11/04/2026"));
        observation.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        Observation out = fhir.deidentify(observation, session());
        assertTrue(out.getValueStringType().getValue().matches(
                        "Mrs\\. (\\[NAME-\\d+]) says her son, Mr\\. \\[NAME-\\d+] \\1, calls \\[PHONE-\\d+]"),
                out.getValueStringType().getValue());
        assertTrue(out.getNoteFirstRep().getText().matches("Reviewed with Dr\\. \\[NAME-\\d+] \\[NAME-\\d+] on 2026"));
        assertEquals("Heart rate", out.getCode().getCodingFirstRep().getDisplay());
    }

    @Test
    void relatedPersonIsTheIndividualsRelativeAndIsDeidentified() {
        RelatedPerson relative = new RelatedPerson();
        relative.addName().setFamily("Testpatient").addGiven("Rolf");
        relative.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("217-555-0145");
        RelatedPerson out = fhir.deidentify(relative, session());
        assertTrue(out.getNameFirstRep().getFamily().startsWith("[NAME-"));
        assertTrue(out.getTelecomFirstRep().getValue().startsWith("[PHONE-"));
    }

    @Test
    void practitionerNamesAreReplacedUnlessThePolicyKeepsThem() {
        Practitioner doctor = new Practitioner();
        doctor.addName().setFamily("Doctor").addGiven("Dana");
        doctor.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue("1234567890");
        assertTrue(fhir.deidentify(doctor, session()).getNameFirstRep().getFamily().startsWith("[NAME-"));
        DeidentificationSession keeping = new DeidentificationSession(TestSessions.POLICY.withPractitionerNamesKept());
        Practitioner kept = fhir.deidentify(doctor, keeping);
        assertEquals("Doctor", kept.getNameFirstRep().getFamily());
        assertEquals("1234567890", kept.getIdentifierFirstRep().getValue());
    }

    @Test
    void deviceSerialNumbersAndUdisAreDeviceIdentifiers() {
        Device device = new Device();
        device.setSerialNumber("PM-88231-X");
        device.addUdiCarrier().setDeviceIdentifier("00844588003288").setCarrierHRF("(01)00844588003288(21)A1B2C3")
                .setCarrierAIDC(new byte[] {1, 2});
        device.setPatient(new Reference("Patient/pat-100991"));
        DeidentificationSession s = session();
        Device out = fhir.deidentify(device, s);
        assertTrue(out.getSerialNumber().matches("\\[DEVICE-\\d+]"));
        assertTrue(out.getUdiCarrierFirstRep().getDeviceIdentifier().matches("\\[DEVICE-\\d+]"));
        assertFalse(out.getUdiCarrierFirstRep().hasCarrierAIDC());
        assertEquals(4, s.report().count(IdentifierKind.DEVICE), "serial, device identifier, HRF and the dropped AIDC");
    }

    @Test
    void coverageSubscriberIdIsAMemberId() {
        Coverage coverage = new Coverage();
        coverage.setSubscriberId("XK55991");
        coverage.addIdentifier(new Identifier().setValue("POL55501"));
        Coverage out = fhir.deidentify(coverage, session());
        assertTrue(out.getSubscriberId().matches("\\[MEMBER-\\d+]"));
        assertTrue(out.getIdentifierFirstRep().getValue().matches("\\[MEMBER-\\d+]"));
    }

    @Test
    void logicalIdsBecomeValidPseudonymIdsAndReferencesFollow() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("http://ehr.example.org/fhir/Patient/pat-100991").setResource(patient());
        Observation observation = new Observation();
        observation.setId("obs-1");
        observation.setSubject(new Reference("Patient/pat-100991").setDisplay("Alma Testpatient"));
        observation.setPerformer(java.util.List.of(new Reference("Organization/org-1")));
        bundle.addEntry().setFullUrl("http://ehr.example.org/fhir/Observation/obs-1").setResource(observation);
        Organization clinic = new Organization().setName("Springfield Family Clinic");
        clinic.setId("org-1");
        bundle.addEntry().setResource(clinic);
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(
                fhir.deidentify(bundle, session()));
        Bundle out = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
        String patientId = out.getEntry().get(0).getResource().getIdElement().getIdPart();
        assertTrue(patientId.matches("ID-\\d+"), patientId);
        assertEquals("http://ehr.example.org/fhir/Patient/" + patientId, out.getEntry().get(0).getFullUrl());
        Observation obs = (Observation) out.getEntry().get(1).getResource();
        assertEquals("Patient/" + patientId, obs.getSubject().getReference());
        assertTrue(obs.getSubject().getDisplay().matches("\\[NAME-\\d+] \\[NAME-\\d+]"));
        assertEquals("Organization/org-1", obs.getPerformerFirstRep().getReference());
        assertEquals("Springfield Family Clinic", ((Organization) out.getEntry().get(2).getResource()).getName(),
                "organizations are not about the individual");
        assertFalse(json.contains("pat-100991"));
    }

    @Test
    void jsonInJsonOut() {
        String json = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(patient());
        String out = fhir.deidentifyJson(json, session());
        assertTrue(out.startsWith("{\"resourceType\":\"Patient\""));
        assertFalse(out.contains("Testpatient") || out.contains("1961-03-17") || withoutPseudonyms(out).contains("62704"), out);
    }

    @Test
    void birthDateElementOfAnOldRelatedPersonIsRemoved() {
        RelatedPerson relative = new RelatedPerson();
        relative.setBirthDateElement(new DateType("1930-05-01"));
        assertNull(fhir.deidentify(relative, session()).getBirthDate());
    }
}
