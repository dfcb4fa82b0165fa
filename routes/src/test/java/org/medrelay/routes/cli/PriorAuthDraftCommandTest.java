package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import org.medrelay.mappings.x12.X12Validator;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.priorauth.pas.PasRequestBuilder;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;

import java.nio.file.Files;
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
    void anX12PayerGetsThe278RequestValidAgainstX217() throws Exception {
        Path bundle = TestDataFiles.copy(dir, "priorauth/servicerequest-mri-x12-bundle.json");

        int exit = MedRelayCli.execute("priorauth", "draft", bundle.toString());

        assertEquals(0, exit, streams.err());
        String x12 = streams.out();
        assertTrue(x12.contains("GS*HI*MEDRELAY*CLEARINGHOUSE*"), x12);
        assertTrue(x12.contains("NM1*X3*2*Example Mutual (invented)*****PI*67890~"), x12);
        assertTrue(x12.contains("NM1*1P*1*Doctor*Dana****XX*1234567890~"), x12);
        assertTrue(x12.contains("NM1*IL*1*Notreal*Sage****MI*Z7788042~\nDMG*D8*19640309*M~"), x12);
        assertTrue(x12.contains("TRN*1*PAORD8001*9MEDRELAY0~"), x12);
        assertTrue(x12.contains("HI*ABK:R519*ABF:G43909~"), x12);
        assertTrue(x12.contains("DTP*472*RD8*20261215-20261215~\nSV1*HC:70551**UN*1~"), x12);
        X12ValidationReport report = new X12Validator().validate(new ByteArrayInputStream(x12.strip().getBytes(StandardCharsets.ISO_8859_1)));
        assertTrue(report.valid(), String.join("\n", report.describe()));
    }

    @Test
    void anX12OrderWithoutADiagnosisIsRefusedNamingWhatTheRequestLacks() throws Exception {
        Path bundle = TestDataFiles.copy(dir, "priorauth/servicerequest-ct-bundle.json");

        int exit = MedRelayCli.execute("priorauth", "draft", bundle.toString());

        assertEquals(1, exit);
        assertEquals("", streams.out());
        assertTrue(streams.err().contains("order ORD6001 names no ICD-10-CM diagnosis (reasonCode, or a reasonReference Condition "
                + "in the orders): a 278 needs at least one (HI)"), streams.err());
    }

    @Test
    void aFaxPayerGetsTheCoverLetterAuditedInTheEnginesStore() throws Exception {
        Path bundle = TestDataFiles.copy(dir, "priorauth/servicerequest-mri-pas-bundle.json");
        Path table = dir.resolve("fax.tsv");
        Files.writeString(table, "12345\t*\tCPT\t72148\tyes\tfax\t5\tphysical therapy notes;lumbar X-ray report\t"
                + "Payer 12345 takes lumbar MRI requests by fax.\n");
        Path config = dir.resolve("application.properties");
        Files.writeString(config, "medrelay.data.dir=" + dir.resolve("data").toString().replace('\\', '/') + "\n"
                + "medrelay.security.patient-key-secret=" + "ab".repeat(32) + "\n");

        int exit = MedRelayCli.execute("priorauth", "draft", "--requirements", table.toString(), "--config", config.toString(),
                bundle.toString());

        assertEquals(0, exit, streams.err());
        String letter = streams.out();
        assertTrue(letter.contains("Re: Prior authorization request\nPatient: Quinn Notreal"), letter);
        assertTrue(letter.contains("Requested service: MRI lumbar spine without contrast (72148)"), letter);
        assertTrue(letter.contains("Member ID: SYN44556677"), letter);
        assertTrue(letter.contains("  - Radiculopathy, lumbar region (M54.16)"), letter);
        assertTrue(letter.contains("Enclosed, as the payer asks: physical therapy notes; lumbar X-ray report."), letter);
        try (HikariDataSource store = EngineOnDisk.openStore(config)) {
            assertEquals(1, new AuditTrail(store).newestFirst(AuditQuery.ALL, 10).stream()
                    .filter(e -> e.event().action() == AuditAction.DRAFT).count(), "the letter is audited as a draft");
        }
    }
}
