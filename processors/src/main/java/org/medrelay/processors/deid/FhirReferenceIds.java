package org.medrelay.processors.deid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logical ids of resources about the individual are identifying numbers too (a Blue Button
 * Patient.id is the beneficiary id): each becomes a pseudonym that is still a valid FHIR id
 * ({@code ID-3}, the token without brackets), the same for the resource, every reference to it and
 * its fullUrl, so the de-identified Bundle still links up. A urn:uuid gets a random UUID in its
 * place, the same for every occurrence (Synthea uses the patient's identifier as its urn:uuid);
 * contained references (#id) and urn:oid stay.
 */
final class FhirReferenceIds {

    private static final Pattern TYPE_AND_ID = Pattern.compile(
            "(?:^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/[A-Za-z0-9\\-.]{1,64})?$");

    private static final String URN_UUID = "urn:uuid:";

    private final FhirElementRules rules;
    private final DeidentificationSession session;

    FhirReferenceIds(FhirElementRules rules, DeidentificationSession session) {
        this.rules = rules;
        this.session = session;
    }

    /** The pseudonym id for one resource. */
    String id(String resourceType, String id) {
        if (id == null || id.isBlank() || rules.keeps(resourceType, session.policy())) {
            return id;
        }
        String token = session.pseudonym(IdentifierKind.OTHER_ID, resourceType + "/" + id);
        return token.substring(1, token.length() - 1);
    }

    /** A relative or absolute reference with its id replaced; anything else unchanged. */
    String reference(String reference) {
        if (reference == null || reference.startsWith("#") || reference.startsWith("urn:oid:")) {
            return reference;
        }
        if (reference.startsWith(URN_UUID)) {
            return URN_UUID + session.surrogateUuid(reference.substring(URN_UUID.length()));
        }
        Matcher m = TYPE_AND_ID.matcher(reference);
        if (!m.find()) {
            return reference;
        }
        String replaced = id(m.group(1), m.group(2));
        return reference.substring(0, m.start(2)) + replaced + (m.group(3) == null ? "" : m.group(3));
    }
}
