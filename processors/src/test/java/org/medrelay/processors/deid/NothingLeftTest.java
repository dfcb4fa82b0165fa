package org.medrelay.processors.deid;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One synthetic patient record full of known identifiers, as HL7v2, FHIR, X12 and a free-text note
 * in one request: none of the original values may be left anywhere in the output, in any case.
 */
class NothingLeftTest {

    static final List<String> IDENTIFIERS = List.of(
            // names of the patient, relatives, employer, and the practitioner (redacted by default)
            "Testpatient", "Alma", "Rose", "Rolf", "Greta", "Maidenname", "Aliasname", "Acme Widget", "Dana", "Doctor",
            // geography below the state
            "Quillfeather", "Springfield", "Apt 4B", "62704", "SANGAMON", "Sangamon",
            // dates and ages
            "19610317", "1961-03-17", "03/17/1961", "March 17", "19590802", "20261104", "11/04/2026", "97-year-old",
            // telecom, e-mail, web, network
            "5550142", "555-0142", "5550143", "5550144", "5550145", "alma.testpatient", "greta.t@example.net",
            "alma-testpatient.example.com", "192.0.2.44", "2001:db8::7",
            // numbers
            "MRN100991", "100991", "123-45-6789", "123456789", "987-65-4321", "ACCT9991", "IL-T123-4567-8901", "XK55991",
            "XK55990", "POL55501", "GRP7788", "G0991", "V0991", "EMP4411", "17312345600006351", "PM-88231-X",
            "00844588003288", "1FTEW1EP6NKD11234", "7ABC123", "FP-20931-77", "pat-100991");

    static final String NOTE = """
            Patient: Alma Rose Testpatient (DOB 03/17/1961, MRN 100991, SSN 123-45-6789) seen 11/04/2026.
            Lives at 1428 Quillfeather Lane Apt 4B, Springfield, IL 62704, Sangamon County.
            Husband Rolf (cell 217-555-0145) and daughter Greta (greta.t@example.net) help; her mother is a 97-year-old.
            Employer: Acme Widget Works. Member ID XK55991, policy number POL55501, acct # ACCT9991.
            Driver's license IL-T123-4567-8901. Car 1FTEW1EP6NKD11234, plate 7ABC123.
            Pacemaker serial no. PM-88231-X, UDI (01)00844588003288(21)A1B2C3. Fingerprint template FP-20931-77.
            Portal: https://alma-testpatient.example.com, last login from 192.0.2.44 and 2001:db8::7.
            Dr. Dana Doctor reviewed; call back at (217) 555-0142 or fax 217-555-0143.
            """;

    @Test
    void noOriginalValueSurvivesAnywhereInTheRequest() {
        Deidentifier deidentifier = new Deidentifier(TestSessions.POLICY);
        DeidentificationSession session = deidentifier.openSession();
        List<String> outputs = new ArrayList<>();
        outputs.add(deidentifier.hl7v2(Hl7v2DeidentifierTest.REGISTRATION, session));
        outputs.add(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(deidentifier.fhir(bundle(), session)));
        outputs.add(deidentifier.x12(X12DeidentifierTest.ELIGIBILITY_271, session));
        outputs.add(deidentifier.x12(X12DeidentifierTest.CLAIM_837, session));
        outputs.add(deidentifier.freeText(NOTE, session));
        String all = String.join("\n", outputs).toLowerCase(Locale.ROOT);
        List<String> left = IDENTIFIERS.stream().filter(value -> all.contains(value.toLowerCase(Locale.ROOT))).toList();
        assertTrue(left.isEmpty(), "left in the output: " + left + "\n" + String.join("\n----\n", outputs));
        assertTrue(session.report().total() > 100, session.report().toString());
    }

    private static Bundle bundle() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl("http://ehr.example.org/fhir/Patient/pat-100991").setResource(FhirDeidentifierTest.patient());
        Observation note = new Observation();
        note.setSubject(new Reference("Patient/pat-100991").setDisplay("Alma Testpatient"));
        note.setValue(new StringType(NOTE));
        bundle.addEntry().setResource(note);
        Coverage coverage = new Coverage().setSubscriberId("XK55991");
        coverage.setBeneficiary(new Reference("Patient/pat-100991"));
        bundle.addEntry().setResource(coverage);
        Device device = new Device().setSerialNumber("PM-88231-X");
        device.addUdiCarrier().setDeviceIdentifier("00844588003288");
        bundle.addEntry().setResource(device);
        return bundle;
    }
}
