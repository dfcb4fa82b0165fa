package org.medrelay.processors.drafting;

import org.hl7.fhir.r4.model.Resource;
import org.medrelay.processors.deid.DeidentificationReport;
import org.medrelay.processors.deid.DeidentificationSession;
import org.medrelay.processors.deid.Deidentifier;

import java.util.ArrayList;
import java.util.List;

/**
 * One request's patient record and instructions, de-identified in one session so that a name has the same
 * pseudonym in the Patient resource, a claim and the instructions; the session then puts the originals back into
 * the model's reply. One per request and never shared: a session's map is one patient's.
 */
final class DeidentifiedRecord {

    private final DeidentificationSession session;
    private final List<Resource> resources = new ArrayList<>();
    private final String instructions;

    DeidentifiedRecord(Deidentifier deidentifier, DraftRequest request) {
        this.session = deidentifier.openSession();
        // The Patient first: its names and identifiers become known to the session, so free text in the other
        // resources and in the instructions is caught even where it mentions them loosely ("Mrs. Vantaberry").
        resources.add(deidentifier.fhir(request.context().patientResource(), session));
        for (Resource resource : request.context().resources()) {
            resources.add(deidentifier.fhir(resource, session));
        }
        this.instructions = deidentifier.freeText(request.instructions(), session);
    }

    List<Resource> resources() {
        return List.copyOf(resources);
    }

    String instructions() {
        return instructions;
    }

    /** The reply with the originals of this session's pseudonyms put back; dates stay as the model wrote them. */
    String reidentify(String reply) {
        return session.reidentify(reply);
    }

    /** What was replaced, by kind and count: for the audit entry. */
    DeidentificationReport report() {
        return session.report();
    }
}
