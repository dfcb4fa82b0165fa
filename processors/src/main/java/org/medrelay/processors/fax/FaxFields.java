package org.medrelay.processors.fax;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key fields found on a fax; null where the fax does not carry one. PHI: never logged.
 *
 * @param patientName    "First Last" (a "LAST, First" on the fax is turned round)
 * @param birthDate      the patient's date of birth
 * @param mrn            medical record number, patient id or account number at the sender
 * @param memberId       the health plan's member or subscriber id
 * @param provider       the ordering, referring, requesting or prescribing provider
 * @param payerReference the payer's reference (authorization, case or reference number)
 * @param medication     drug, strength and form
 * @param decision       for a prior-authorization response: approved, denied or pended
 * @param dates          every other date on the fax, in order of appearance
 */
public record FaxFields(String patientName, LocalDate birthDate, String mrn, String memberId, String provider,
                        String payerReference, String medication, String decision, List<LocalDate> dates) {

    public static final FaxFields NONE = new FaxFields(null, null, null, null, null, null, null, null, List.of());

    public FaxFields {
        dates = List.copyOf(dates);
    }

    /** The fields found, by their JSON names, in a fixed order; dates as ISO dates. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "patientName", patientName);
        put(map, "birthDate", birthDate == null ? null : birthDate.toString());
        put(map, "mrn", mrn);
        put(map, "memberId", memberId);
        put(map, "provider", provider);
        put(map, "payerReference", payerReference);
        put(map, "medication", medication);
        put(map, "decision", decision);
        if (!dates.isEmpty()) {
            map.put("dates", dates.stream().map(LocalDate::toString).toList());
        }
        return map;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
