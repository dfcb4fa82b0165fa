package org.medrelay.processors.claims;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.x12.SequentialControlNumbers;
import org.medrelay.mappings.x12.claims.CorrectedClaimBuilder;
import org.medrelay.mappings.x12.remittance.ClaimPayment;
import org.medrelay.mappings.x12.remittance.RemittanceAdvice;
import org.medrelay.mappings.x12.remittance.RemittanceHandler;
import org.medrelay.mappings.x12.remittance.RemittanceReader;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.TestKeys;
import org.medrelay.processors.remittance.ClaimFollowUp;
import org.medrelay.processors.remittance.CorrectedClaimDraft;
import org.medrelay.processors.testing.TestStores;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The denials workflow's corrected claims: a denied claim found on file by CLM01 gets its 837 replacement as the work
 * item's draft with notes in words; one not on file gets a note saying so and no draft.
 */
class CorrectedClaimsOnFileTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private HikariDataSource store;
    private CorrectedClaimsOnFile drafts;
    private final Map<String, ClaimPayment> denials = new HashMap<>();
    private RemittanceAdvice advice;
    @TempDir
    Path folders;

    @BeforeEach
    void keepThe837AndReadThe835() throws Exception {
        store = TestStores.h2("corrected-claims");
        ClaimsOnFile claims = new ClaimsOnFile(store, PayloadCipher.encrypting(TestKeys.ring("k2026a")), CLOCK);
        new ClaimFileIntake(store, claims, new AuditTrail(store), folders.resolve("spool"), folders.resolve("quarantine"), CLOCK)
                .take(new ByteArrayInputStream(ClaimsOnFileContract.sample("837/837P-claims-on-file.x12")), "claims-sent.x12");
        drafts = new CorrectedClaimsOnFile(claims, new CorrectedClaimBuilder(new SequentialControlNumbers(500), CLOCK));
        new RemittanceReader().read(new ByteArrayInputStream(ClaimsOnFileContract.sample("835/835-denials-every-category.x12")),
                new RemittanceHandler() {
                    @Override
                    public void claim(RemittanceAdvice remittance, ClaimPayment claim) {
                        advice = remittance;
                        denials.put(claim.patientControlNumber(), claim);
                    }
                });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ClaimFollowUp followUp(String patientControlNumber) {
        return new ClaimFollowUp(1, "835-denials-every-category.x12", 3, advice, "99999", denials.get(patientControlNumber),
                null, null, null, null, null, null);
    }

    @Test
    void aClaimOnFileGetsItsReplacementWithTheChangesInWords() throws Exception {
        CorrectedClaimDraft corrected = drafts.draft(followUp("RESUB-1003"));

        String replacement = corrected.draft().orElseThrow().text();
        assertEquals("application/edi-x12", corrected.draft().get().contentType());
        assertTrue(replacement.contains("CLM*RESUB-1003*300***11:B:7*"), replacement);
        assertTrue(replacement.contains("REF*F8*PCN0000000003~"), replacement);
        List<String> notes = corrected.notes();
        assertEquals("corrected claim drafted: 837 replacement of RESUB-1003 (CLM05-3 7, REF*F8 PCN0000000003)", notes.get(0));
        assertEquals(!corrected.complete(), notes.stream().anyMatch(n -> n.startsWith("to do by hand: ")), notes.toString());
    }

    @Test
    void aClaimNotOnFileGetsNoDraftAndSaysSo() throws Exception {
        CorrectedClaimDraft corrected = drafts.draft(followUp("DUP-1006"));

        assertTrue(corrected.draft().isEmpty());
        assertFalse(corrected.complete());
        assertEquals(List.of("corrected claim not drafted: no 837 on file with CLM01 DUP-1006; correct the claim in the billing system"),
                corrected.notes());
    }
}
