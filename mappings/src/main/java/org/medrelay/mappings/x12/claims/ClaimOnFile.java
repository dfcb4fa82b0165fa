package org.medrelay.mappings.x12.claims;

import org.medrelay.mappings.x12.X12Segment;
import org.medrelay.mappings.x12.remittance.Party;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One claim (CLM) of an 837 the practice sent, with what a denial is joined on and what a replacement is built
 * from: the guide (005010X222A1 professional, 005010X223A2 institutional), CLM01 patient control number, CLM02
 * total charge, CLM05 place of service (facility code), its qualifier (B professional, A institutional) and
 * claim frequency code (1 original, 7 replacement, 8 void); the submitter (1000A), receiver (1000B), billing
 * provider (2010AA, NPI in NM109), payer (2010BB); the subscriber (2010BA), the patient when not the subscriber
 * (2010CA) and the relationship (SBR02 18 self, else PAT01); the diagnoses of HI in order; the service
 * lines; REF*F8 when the claim itself corrects an earlier one; and the segments the claim was read from (BHT and
 * 1000A/1000B, its billing provider, subscriber and patient levels, then its own 2300 to its last line) with
 * the standard delimiters, which is what is kept and what a replacement is built from. Holds PHI: never logged.
 */
public record ClaimOnFile(String guide, String patientControlNumber, BigDecimal totalCharge, String placeOfService,
                          String facilityQualifier, String frequencyCode, Party submitter, Party receiver,
                          Party billingProvider, Party payer, ClaimPerson subscriber, ClaimPerson patient,
                          String relationship, List<Diagnosis> diagnoses, List<ServiceLine> lines,
                          Optional<String> payerClaimControlNumber, Optional<LocalDate> created,
                          Optional<LocalDate> statementFrom, List<X12Segment> segments) {

    public static final String PROFESSIONAL = "005010X222A1";
    public static final String INSTITUTIONAL = "005010X223A2";

    public ClaimOnFile {
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
        segments = List.copyOf(segments);
    }

    public boolean institutional() {
        return guide.startsWith("005010X223") || "A".equals(facilityQualifier);
    }

    /** The patient of the claim: the 2010CA patient, else the subscriber (SBR02 18). */
    public ClaimPerson patientOrSubscriber() {
        return patient.present() ? patient : subscriber;
    }

    /** The first date of service: the statement start (DTP*434), else the earliest line's DTP*472. */
    public Optional<LocalDate> serviceDate() {
        return statementFrom.or(() -> lines.stream().map(ServiceLine::serviceDate).flatMap(Optional::stream)
                .min(LocalDate::compareTo));
    }

    /** The HI diagnosis codes in order, without their qualifiers. */
    public List<String> diagnosisCodes() {
        return diagnoses.stream().map(Diagnosis::code).toList();
    }

    /** The payer's id (2010BB NM109, PI payer id or XV plan id). */
    public String payerId() {
        return payer.id();
    }

    /** The submitter's id (1000A NM109, ETIN). */
    public String submitterId() {
        return submitter.id();
    }
}
