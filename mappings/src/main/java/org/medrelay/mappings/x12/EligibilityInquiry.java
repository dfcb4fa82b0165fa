package org.medrelay.mappings.x12;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a 270 asks (005010X279A1): of which payer (2100A), for which provider (2100B, by NPI), about which
 * subscriber (2100C) and optionally which dependent (2100D), for which service types (EQ01) on which date of
 * service, with a trace number (TRN02) the 271 returns so it can be matched to this request.
 */
public record EligibilityInquiry(InformationSource payer, InformationReceiver provider, Subscriber subscriber,
                                 Optional<Dependent> dependent, List<String> serviceTypeCodes,
                                 LocalDate dateOfService, String traceNumber, String traceOriginator) {

    public EligibilityInquiry {
        serviceTypeCodes = List.copyOf(serviceTypeCodes);
        if (serviceTypeCodes.isEmpty() || serviceTypeCodes.size() > 99) {
            throw new IllegalArgumentException("EQ01 takes 1 to 99 service type codes");
        }
        if (traceNumber == null || traceNumber.isBlank() || traceNumber.length() > 50) {
            throw new IllegalArgumentException("TRN02 trace number must be 1 to 50 characters");
        }
        if (traceOriginator == null || traceOriginator.length() != 10) {
            // TRN03: '1' followed by the submitter's EIN, or '9' and an assigned number: ten characters
            throw new IllegalArgumentException("TRN03 originating company identifier must be 10 characters");
        }
    }

    /** 2100A: the payer, NM108 PI payer identification (or XV, the CMS plan id). */
    public record InformationSource(String name, String idQualifier, String id) {
    }

    /** 2100B: the provider asking, NM108 XX with the NPI; an organisation (NM102 2) or a person (1). */
    public record InformationReceiver(String lastOrOrganizationName, String firstName, String npi) {

        public boolean person() {
            return firstName != null && !firstName.isEmpty();
        }
    }

    /** 2100C: the subscriber, NM108 MI member id, with DMG date of birth and gender (M, F or U, may be empty). */
    public record Subscriber(String lastName, String firstName, String memberId, LocalDate birthDate, String gender) {
    }

    /** 2100D: a dependent without a member id of their own; INS02 relationship 01 spouse, 19 child, 34 other adult. */
    public record Dependent(String lastName, String firstName, LocalDate birthDate, String gender, String relationship) {
    }
}
