package org.medrelay.mappings.x12.claims;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The subscriber (loop 2010BA, NM1*IL) or patient (2010CA, NM1*QC) of a claim: NM103 last, NM104 first and
 * NM105 middle name, NM108/NM109 the member id (MI) the payer knows, DMG02 date of birth and DMG03 gender.
 */
public record ClaimPerson(String lastName, String firstName, String middleName, String idQualifier, String memberId,
                          Optional<LocalDate> birthDate, String gender) {

    public static final ClaimPerson NONE = new ClaimPerson("", "", "", "", "", Optional.empty(), "");

    public boolean present() {
        return !lastName.isEmpty() || !memberId.isEmpty();
    }

    ClaimPerson withDemographics(Optional<LocalDate> birth, String sex) {
        return new ClaimPerson(lastName, firstName, middleName, idQualifier, memberId, birth, sex);
    }
}
