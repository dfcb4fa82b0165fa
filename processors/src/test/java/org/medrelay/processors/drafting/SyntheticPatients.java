package org.medrelay.processors.drafting;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.medrelay.processors.review.PatientRef;

import java.math.BigDecimal;
import java.util.List;

/** Invented patients with distinctive values, so a test can search any text for every one of them. */
final class SyntheticPatients {

    /** One invented patient: the values that must not reach an endpoint without an agreement, or a log. */
    record Synthetic(String id, String key, String given, String family, String mrn, String birthDate,
                     String street, String city, String phone, String memberId, String claimNumber) {

        PatientRef ref() {
            return new PatientRef("Patient/" + id, key);
        }

        /** Every identifying value, in the spellings a leak would take. */
        List<String> identifiers() {
            return List.of(given, family, mrn, birthDate, birthDate.replace("-", ""), street, city, phone,
                    memberId, claimNumber);
        }
    }

    static final Synthetic QUILLON = new Synthetic("syn-qv-1", "a1b2c3d4e5f60718293a4b5c",
            "Quillon", "Vantaberry", "QV558201", "1958-03-17", "4471 Marrowgate Lane", "Fennimore",
            "608-555-0143", "ZKW918273645", "CLM-QV-77120");

    static final Synthetic ORIEL = new Synthetic("syn-ot-2", "f0e1d2c3b4a5968778695a4b",
            "Oriel", "Thistlecombe", "OT330917", "1949-11-02", "82 Brackenfold Road", "Wexcombe",
            "715-555-0188", "ZKW404551907", "CLM-OT-31815");

    private SyntheticPatients() {
    }

    static Patient patient(Synthetic s) {
        Patient patient = new Patient();
        patient.setId(s.id());
        patient.addIdentifier(new Identifier().setSystem("urn:medrelay:hl7:id:MRH").setValue(s.mrn())
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null))));
        patient.addName().setFamily(s.family()).addGiven(s.given());
        patient.setBirthDateElement(new DateType(s.birthDate()));
        patient.setGender(Enumerations.AdministrativeGender.OTHER);
        patient.addAddress(new Address().addLine(s.street()).setCity(s.city()).setState("WI").setPostalCode("53809"));
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(s.phone());
        return patient;
    }

    static Organization payer() {
        Organization payer = new Organization();
        payer.setId("payer-1");
        payer.setName("Heronsgate Mutual Health Plan");
        return payer;
    }

    static Coverage coverage(Synthetic s) {
        Coverage coverage = new Coverage();
        coverage.setId("cov-" + s.id());
        coverage.setStatus(Coverage.CoverageStatus.CANCELLED);
        coverage.setSubscriberId(s.memberId());
        coverage.setBeneficiary(new Reference("Patient/" + s.id()));
        coverage.addPayor(new Reference("Organization/payer-1"));
        coverage.setPeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2025-01-01"))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-06-30")));
        return coverage;
    }

    static Claim claim(Synthetic s) {
        Claim claim = new Claim();
        claim.setId("claim-" + s.id());
        claim.addIdentifier().setValue(s.claimNumber());
        claim.setPatient(new Reference("Patient/" + s.id()));
        claim.setBillablePeriod(new Period().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-10-02")));
        claim.setTotal(new Money().setValue(new BigDecimal("412.50")).setCurrency("USD"));
        claim.addItem().setSequence(1).setProductOrService(new CodeableConcept(
                new Coding("http://www.ama-assn.org/go/cpt", "97110", "Therapeutic exercises")));
        return claim;
    }

    static ClaimResponse denial(Synthetic s) {
        ClaimResponse response = new ClaimResponse();
        response.setId("denial-" + s.id());
        response.setPatient(new Reference("Patient/" + s.id()));
        response.setDisposition("Denied");
        response.addItem().setItemSequence(1).addAdjudication()
                .setCategory(new CodeableConcept(new Coding(null, "denied", null)))
                .setReason(new CodeableConcept(new Coding("https://x12.org/codes/claim-adjustment-reason-codes",
                        "50", "CARC 50: not deemed a medical necessity")));
        return response;
    }

    static Condition condition(Synthetic s) {
        Condition condition = new Condition();
        condition.setId("cond-" + s.id());
        condition.setSubject(new Reference("Patient/" + s.id()));
        condition.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "M75.41",
                "Impingement syndrome of right shoulder")));
        return condition;
    }

    static ServiceRequest service(Synthetic s) {
        ServiceRequest request = new ServiceRequest();
        request.setId("sr-" + s.id());
        request.setSubject(new Reference("Patient/" + s.id()));
        request.setCode(new CodeableConcept(new Coding("http://www.ama-assn.org/go/cpt", "73221",
                "MRI right shoulder without contrast")));
        request.addReasonCode().setText("Pain after six weeks of physical therapy");
        request.setOccurrence(new org.hl7.fhir.r4.model.DateTimeType("2026-12-01"));
        request.setRequester(new Reference().setDisplay("Dr. Ysolde Pemberton-Quast"));
        return request;
    }

    /** The full context of one patient: coverage and payer, a denied claim, a condition, a service request. */
    static PatientContext context(Synthetic s) {
        List<Resource> resources = List.of(payer(), coverage(s), claim(s), denial(s), condition(s), service(s));
        return PatientContext.builder(s.ref()).patient(patient(s)).addAll(resources).build();
    }
}
