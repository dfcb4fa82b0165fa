package org.medrelay.processors.eligibility;

import java.sql.SQLException;
import java.util.List;

/**
 * The link from a 271 that says "authorization required" (EB11 Y for the visit's service type) to prior
 * authorization: the patient's open prior-auth cases, one line each, so the front desk sees whether one is already
 * underway or must be started.
 */
public interface PriorAuthCasesOfPatient {

    /** No prior-auth workflow wired in: nothing to say. */
    PriorAuthCasesOfPatient NONE = (patientKey, payerId) -> List.of();

    /** @return "prior-auth case 5: CPT 70551, submitted" lines; empty when the patient has none open with the payer */
    List<String> openCases(String patientKey, String payerId) throws SQLException;
}
