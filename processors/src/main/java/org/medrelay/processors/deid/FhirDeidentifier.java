package org.medrelay.processors.deid;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.medrelay.mappings.hl7v2.RedactedCause;

/**
 * De-identifies FHIR R4 resources (the HAPI model): a Bundle, a Patient, anything with names,
 * identifiers, addresses, telecom, dates, photos, attachments, narratives and free-text strings in
 * it. The input is not changed: the result is a de-identified copy. Thread-safe; the state is in the
 * session.
 */
public final class FhirDeidentifier {

    private final FhirContext context = FhirContext.forR4Cached();
    private final FhirElementRules rules = new FhirElementRules();
    private final FhirDatatypeScrubber scrubber;
    private final FhirNarrativeText narratives;
    private final FreeTextDeidentifier freeText;

    public FhirDeidentifier() {
        this(new FreeTextDeidentifier(), new IdentifierTypes(), new ZipCodeRule());
    }

    FhirDeidentifier(FreeTextDeidentifier freeText, IdentifierTypes identifierTypes, ZipCodeRule zipCodes) {
        this.freeText = freeText;
        this.scrubber = new FhirDatatypeScrubber(identifierTypes, zipCodes, freeText);
        this.narratives = new FhirNarrativeText(freeText);
    }

    /** A de-identified copy of an R4 resource. */
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> T deidentify(T resource, DeidentificationSession session) {
        if (!(resource instanceof Resource r4)) {
            throw new DeidentificationException("only FHIR R4 resources are supported, not " + resource.getClass().getName());
        }
        Resource copy;
        try {
            copy = r4.copy();
        } catch (DataFormatException invalidValue) {
            // copy() re-parses every primitive and refuses what a lenient parser let in; JSON does not.
            copy = (Resource) lenientParser().parseResource(context.newJsonParser().encodeResourceToString(r4));
        }
        walk(copy, session);
        return (T) copy;
    }

    private void walk(Resource resource, DeidentificationSession session) {
        new FhirResourceWalk(rules, scrubber, narratives, freeText, session).run(resource);
    }

    /**
     * Lenient as real senders need (Blue Button writes "IGNORED_FIELD" in meta.lastUpdated); an
     * unreadable value is dropped by the date rules, never passed on.
     */
    private IParser lenientParser() {
        LenientErrorHandler lenient = new LenientErrorHandler(false).setErrorOnInvalidValue(false);
        return context.newJsonParser().setParserErrorHandler(lenient);
    }

    /** Reads R4 JSON, de-identifies it and writes it back as JSON. */
    public String deidentifyJson(String json, DeidentificationSession session) {
        IBaseResource resource;
        try {
            resource = lenientParser().parseResource(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (DataFormatException | ClassCastException e) {
            // HAPI's message may quote the content; the type and stack trace are enough to debug.
            throw new DeidentificationException("not readable as FHIR R4 JSON", RedactedCause.of(e));
        }
        walk((Resource) resource, session);
        return context.newJsonParser().encodeResourceToString(resource);
    }
}
