package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `medrelay priorauth draft FILE`: the PAS Bundle for a fhir-pas order; a one-line reason where none can be drafted. */
class PriorAuthDraftCommandTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    @Test
    void aFhirPasOrderPrintsThePasBundle() throws Exception {
        Path bundle = TestDataFiles.copy(dir, "priorauth/servicerequest-mri-pas-bundle.json");

        int exit = MedRelayCli.execute("priorauth", "draft", bundle.toString());

        assertEquals(0, exit, streams.err());
        Bundle pas = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, streams.out());
        Claim claim = (Claim) pas.getEntryFirstRep().getResource();
        assertEquals(Claim.Use.PREAUTHORIZATION, claim.getUse());
        assertEquals("72148", claim.getItemFirstRep().getProductOrService().getCodingFirstRep().getCode());
        assertEquals("urn:uuid:0b7e3f10-2222-4d5e-8a11-000000000004", claim.getDiagnosisFirstRep().getDiagnosisReference().getReference());
        assertTrue(PasRequestBuilder.hasUnwrittenNarrative(pas), "the payer asks for documentation: marked for the clinician");
    }

    @Test
    void anHl7OrderDraftsTheOneThatNeedsAuthorizationAndNamesTheOther() throws Exception {
        Path order = TestDataFiles.copy(dir, "hl7v2/orm-o01-prior-auth-mri.hl7");

        int exit = MedRelayCli.execute("priorauth", "draft", order.toString());

        assertEquals(0, exit, streams.err());
        Bundle pas = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, streams.out());
        assertEquals("70551", ((Claim) pas.getEntryFirstRep().getResource()).getItemFirstRep().getProductOrService()
                .getCodingFirstRep().getCode());
        assertTrue(streams.err().startsWith("medrelay: order ORD5002: no authorization needed: Payer 12345 needs no authorization"),
                streams.err());
    }

    @Test
    void anX12PayerSaysThe278IsNotWiredAndExitsOne() throws Exception {
        Path bundle = TestDataFiles.copy(dir, "priorauth/servicerequest-ct-bundle.json");

        int exit = MedRelayCli.execute("priorauth", "draft", bundle.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
        assertEquals("medrelay: order ORD6001: payer 67890 takes requests as X12 278 (005010X217), and no 278 writer is wired in yet",
                streams.err().strip());
    }
}
