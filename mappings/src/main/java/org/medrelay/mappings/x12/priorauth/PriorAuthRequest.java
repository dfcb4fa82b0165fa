package org.medrelay.mappings.x12.priorauth;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a 278 request asks (005010X217): of which utilization management organization (2010A), from which
 * requesting provider (2010B, by NPI), for which subscriber (2010C) and optionally which dependent patient
 * (2010D), and in the patient event (2000E) the review category and certification type (UM), the diagnoses (HI),
 * the servicing provider (2010EA) and one 2000F service level per procedure with its quantity and dates. The
 * trace (TRN02/TRN03) comes back in the response's 2000E TRN*2, which is how the answer finds its case.
 *
 * @param requestCategory   UM01: HS health services review (outpatient), SC specialty care review, AR admission review
 * @param certificationType UM02: I initial, 4 extension, S revised, 3 cancel, 1 appeal immediate, 2 appeal standard
 * @param serviceTypeCode   UM03: the X12 service type (1 medical care, 2 surgical, 4 diagnostic x-ray, 73 diagnostic medical...)
 * @param placeOfService    UM04-1 with UM04-2 B: the CMS place of service code (11 office, 22 outpatient hospital)
 * @param diagnosisCodes    ICD-10-CM codes without the dot, the first the principal (HI ABK, the others ABF)
 */
public record PriorAuthRequest(Organization umo, Provider requester, Subscriber subscriber, Optional<Dependent> dependent,
                               String requestCategory, String certificationType, String serviceTypeCode,
                               String placeOfService, List<String> diagnosisCodes, Optional<Provider> servicingProvider,
                               List<Service> services, String traceNumber, String traceOriginator) {

    public PriorAuthRequest {
        diagnosisCodes = List.copyOf(diagnosisCodes);
        services = List.copyOf(services);
        if (diagnosisCodes.isEmpty() || diagnosisCodes.size() > 12) {
            throw new IllegalArgumentException("HI takes 1 to 12 diagnosis codes");
        }
        if (diagnosisCodes.stream().anyMatch(code -> code.contains("."))) {
            throw new IllegalArgumentException("ICD-10-CM codes go into HI without the dot");
        }
        if (traceNumber == null || traceNumber.isBlank() || traceNumber.length() > 50) {
            throw new IllegalArgumentException("TRN02 trace number must be 1 to 50 characters");
        }
        if (traceOriginator == null || traceOriginator.length() != 10) {
            // TRN03: '1' followed by the requester's EIN, or '9' and an assigned number: ten characters (E509)
            throw new IllegalArgumentException("TRN03 originating company identifier must be 10 characters");
        }
        if (!List.of("HS", "SC", "AR").contains(requestCategory)) {
            throw new IllegalArgumentException("UM01 request category must be HS, SC or AR");
        }
        if (!List.of("I", "1", "2", "3", "4", "S").contains(certificationType)) {
            throw new IllegalArgumentException("UM02 certification type must be I, 1, 2, 3, 4 or S");
        }
    }

    /** 2010A: the UMO (payer), NM108 PI payer id or 46 ETIN (XV CMS plan id). */
    public record Organization(String name, String idQualifier, String id) {
    }

    /** A provider by NPI (NM108 XX): a person when a first name is given (NM102 1), else an organisation (2). */
    public record Provider(String lastOrOrganizationName, String firstName, String npi) {

        public boolean person() {
            return firstName != null && !firstName.isEmpty();
        }
    }

    /** 2010C: the subscriber, NM108 MI member id, DMG date of birth and gender (M, F, U). */
    public record Subscriber(String lastName, String firstName, String memberId, LocalDate birthDate, String gender) {
    }

    /** 2010D: the patient when not the subscriber; INS02 relationship 01 spouse, 19 child, 34 other adult... */
    public record Dependent(String lastName, String firstName, LocalDate birthDate, String gender, String relationship) {
    }

    /**
     * A 2000F service: SV1 procedure (HC, CPT or HCPCS, with up to four modifiers), SV103 UN units and SV104 the
     * quantity asked for, DTP*472 the dates it is to be performed (from = to for one day).
     */
    public record Service(String procedureCode, List<String> modifiers, int quantity, LocalDate from, LocalDate to) {

        public Service {
            modifiers = List.copyOf(modifiers);
            if (modifiers.size() > 4) {
                throw new IllegalArgumentException("SV101 takes at most four procedure modifiers");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("SV104 quantity must be at least 1");
            }
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("DTP*472 service dates end before they start");
            }
        }
    }
}
