package org.medrelay.processors.deid;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The HIPAA Safe Harbor de-identifier (45 CFR 164.514(b)(2)): one bean for free text, HL7v2, FHIR R4
 * and X12, sharing one rule set. A caller opens a session per request, passes every part of the
 * request through it (so a name in PID-5 and in a note gets the same pseudonym), sends the result on,
 * puts a model's answer back with {@link DeidentificationSession#reidentify} and audits
 * {@link DeidentificationSession#report}. Thread-safe; build once.
 */
public final class Deidentifier {

    private final DeidentificationPolicy policy;
    private final FreeTextDeidentifier freeText;
    private final Hl7v2Deidentifier hl7v2;
    private final FhirDeidentifier fhir;
    private final X12Deidentifier x12;

    public Deidentifier() {
        this(DeidentificationPolicy.safeHarbor());
    }

    public Deidentifier(DeidentificationPolicy policy) {
        this.policy = policy;
        ZipCodeRule zipCodes = new ZipCodeRule();
        IdentifierTypes identifierTypes = new IdentifierTypes();
        this.freeText = new FreeTextDeidentifier(zipCodes);
        this.hl7v2 = new Hl7v2Deidentifier(freeText, identifierTypes, zipCodes);
        this.fhir = new FhirDeidentifier(freeText, identifierTypes, zipCodes);
        this.x12 = new X12Deidentifier(freeText, zipCodes);
    }

    /** A new session under this de-identifier's policy: one per request. */
    public DeidentificationSession openSession() {
        return new DeidentificationSession(policy);
    }

    public String freeText(String text, DeidentificationSession session) {
        return freeText.deidentify(text, session);
    }

    public String hl7v2(String message, DeidentificationSession session) {
        return hl7v2.deidentify(message, session);
    }

    public <T extends IBaseResource> T fhir(T resource, DeidentificationSession session) {
        return fhir.deidentify(resource, session);
    }

    public String fhirJson(String json, DeidentificationSession session) {
        return fhir.deidentifyJson(json, session);
    }

    public String x12(String interchange, DeidentificationSession session) {
        return x12.deidentify(interchange, session);
    }
}
