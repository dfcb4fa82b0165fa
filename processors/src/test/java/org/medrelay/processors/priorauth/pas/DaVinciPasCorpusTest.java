package org.medrelay.processors.priorauth.pas;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrelay.processors.priorauth.cases.PriorAuthCase;
import org.medrelay.processors.priorauth.cases.PriorAuthState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Da Vinci PAS file of ../shared/corpus (the HL7 Da Vinci prior-auth reference implementation's requests and
 * responses): each parses; each Claim is a preauthorization; each ClaimResponse maps to the case state
 * its reviewAction (X12 HCR01) or outcome says, with the authorization number when approved.
 */
class DaVinciPasCorpusTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** File name -> the state its ClaimResponse must map to. Every file holding a ClaimResponse must be listed. */
    private static final Map<String, PriorAuthState> RESPONSE_STATES = Map.of(
            "davinci-pa__db-DeniedResponse.json", PriorAuthState.DENIED,
            "davinci-pa__db-GrantedResponse.json", PriorAuthState.APPROVED,
            "davinci-pa__db-PendedClaimResponse.json", PriorAuthState.PENDED,
            "davinci-pa__test-bundle-response.json", PriorAuthState.APPROVED,
            "davinci-pa__test-claimresponse-only.json", PriorAuthState.APPROVED,
            "davinci-pa__test-claimresponse-minimal.json", PriorAuthState.PENDED,
            "davinci-pa__test-claimresponse-pended.json", PriorAuthState.PENDED);

    static Stream<Path> pasFiles() throws IOException {
        String dir = System.getProperty("medrelay.corpus.dir");
        Path fhir = dir == null ? null : Path.of(dir).resolve("fhir");
        Assumptions.assumeTrue(fhir != null && Files.isDirectory(fhir),
                "corpus test skipped: system property medrelay.corpus.dir does not point at ../shared/corpus");
        try (Stream<Path> files = Files.list(fhir)) {
            List<Path> pas = files.filter(f -> f.getFileName().toString().startsWith("davinci-pa__")).sorted().toList();
            assertFalse(pas.isEmpty(), "no davinci-pa__*.json in " + fhir);
            return pas.stream();
        }
    }

    private static Resource parse(Path file) throws IOException {
        return (Resource) FHIR.newJsonParser().parseResource(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<Resource> resources(Resource resource) {
        return resource instanceof Bundle bundle
                ? bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList() : List.of(resource);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pasFiles")
    void everyClaimIsAPreauthorizationAndEveryResponseMapsToItsCaseState(Path file) throws IOException {
        Resource resource = parse(file);
        String name = file.getFileName().toString();
        List<Resource> all = resources(resource);
        for (Resource r : all) {
            if (r instanceof Claim claim) {
                assertEquals(Claim.Use.PREAUTHORIZATION, claim.getUse(), name);
            }
        }
        boolean hasResponse = all.stream().anyMatch(ClaimResponse.class::isInstance);
        assertEquals(RESPONSE_STATES.containsKey(name), hasResponse, name + ": listed here exactly when it holds a ClaimResponse");
        if (hasResponse) {
            PayerDecision decision = new PasResponseReader().read(resource);
            assertEquals(RESPONSE_STATES.get(name), decision.state(), name);
            if (decision.state() == PriorAuthState.APPROVED) {
                assertFalse(decision.authorization().number().isBlank(), name);
            } else {
                assertNull(decision.authorization(), name);
            }
        }
        if (name.endsWith("questionnaireresponse-dtr.json")) {
            assertTrue(resource instanceof QuestionnaireResponse, name);
        }
    }

    @Test
    void grantedResponseGivesItsAuthorizationNumberAndDates() throws IOException {
        Path fhir = pasFiles().findFirst().orElseThrow().getParent();

        PayerDecision granted = new PasResponseReader().read(parse(fhir.resolve("davinci-pa__db-GrantedResponse.json")));
        assertEquals("A1", granted.reviewAction());
        assertEquals("ee7f76f8-5e4e-4733-8f85-3fe3c29cf30f", granted.authorization().number());

        PayerDecision referral = new PasResponseReader().read(parse(fhir.resolve("davinci-pa__test-bundle-response.json")));
        assertEquals(new PriorAuthCase.Authorization("AUTH0001", null, LocalDate.parse("2005-05-02"),
                LocalDate.parse("2005-06-02")), referral.authorization());
    }

    @Test
    void deniedAndPendedResponsesCarryTheirCodesAndReasons() throws IOException {
        Path fhir = pasFiles().findFirst().orElseThrow().getParent();

        PayerDecision denied = new PasResponseReader().read(parse(fhir.resolve("davinci-pa__db-DeniedResponse.json")));
        assertEquals("A3", denied.reviewAction());
        assertEquals(List.of("X", "Denied"), denied.reasons());

        PayerDecision queued = new PasResponseReader().read(parse(fhir.resolve("davinci-pa__test-claimresponse-pended.json")));
        assertNull(queued.reviewAction(), "outcome queued, no reviewAction");
        assertEquals(PriorAuthState.PENDED, queued.state());
    }

    @Test
    void stu2ReviewActionOnTheItemAdjudicationIsRead() {
        ClaimResponse response = new ClaimResponse().setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE)
                .setPreAuthRef("AUTH-STU2-1");
        var adjudication = response.addItem().setItemSequence(1).addAdjudication();
        adjudication.setValue(6);
        var reviewAction = adjudication.addExtension().setUrl("http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction");
        reviewAction.addExtension("code", new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                "https://codesystem.x12.org/005010/306", "A1", "Certified in total")));

        PayerDecision decision = new PasResponseReader().read(response);
        assertEquals(PriorAuthState.APPROVED, decision.state());
        assertEquals(new PriorAuthCase.Authorization("AUTH-STU2-1", 6, null, null), decision.authorization());
    }
}
