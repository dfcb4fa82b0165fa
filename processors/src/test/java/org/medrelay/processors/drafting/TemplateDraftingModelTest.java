package org.medrelay.processors.drafting;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.testing.TestStores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.drafting.SyntheticPatients.QUILLON;

/** The default backend: built-in and operator templates, repeatable drafts, gaps reported, every draft audited. */
class TemplateDraftingModelTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 24);

    @TempDir
    Path templates;

    private HikariDataSource store;
    private AuditTrail trail;
    private DraftingAudit audit;

    @BeforeEach
    void openStore() {
        store = TestStores.h2("drafting");
        trail = new AuditTrail(store);
        audit = new DraftingAudit(trail, Clock.systemUTC());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theAppealLetterCarriesThePatientTheClaimAndTheDenialReason() {
        DraftResult result = builtIn().draft(request(DraftKind.APPEAL_LETTER, SyntheticPatients.context(QUILLON)));

        String letter = result.text();
        assertTrue(result.complete(), () -> "missing: " + result.missingValues());
        assertTrue(letter.startsWith("2026-11-24\n\nHeronsgate Mutual Health Plan\n"), letter);
        assertTrue(letter.contains("Re: Appeal of denied claim CLM-QV-77120\nPatient: Quillon Vantaberry\n"
                + "Date of birth: 1958-03-17\nMember ID: ZKW918273645\nDate of service: 2026-10-02\n"), letter);
        assertTrue(letter.contains("denied with the reason: CARC 50: not deemed a medical necessity."), letter);
        assertTrue(letter.contains("  - Impingement syndrome of right shoulder (M75.41)\n"), letter);
        assertEquals("template", result.producedBy().backend());
        assertEquals("appeal-letter.ftl", result.producedBy().source());
        assertFalse(result.producedBy().deidentified());
    }

    @Test
    void theSameRequestGivesTheSameDraftEveryTime() {
        TemplateDraftingModel model = builtIn();
        for (DraftKind kind : List.of(DraftKind.APPEAL_LETTER, DraftKind.PRIOR_AUTH_REQUEST,
                DraftKind.ELIGIBILITY_GAP_NOTE)) {
            DraftResult first = model.draft(request(kind, SyntheticPatients.context(QUILLON)));
            DraftResult second = model.draft(request(kind, SyntheticPatients.context(QUILLON)));
            assertEquals(first, second, kind + " drafted twice from the same request");
            assertTrue(first.complete(), () -> kind + " missing " + first.missingValues());
        }
    }

    @Test
    void valuesTheContextLacksAreListedAndMarkedNotLeftBlank() {
        PatientContext noCoverage = PatientContext.builder(QUILLON.ref())
                .patient(SyntheticPatients.patient(QUILLON).setTelecom(List.of()))
                .add(SyntheticPatients.service(QUILLON)).build();

        DraftResult result = builtIn().draft(request(DraftKind.PRIOR_AUTH_REQUEST, noCoverage));

        assertFalse(result.complete());
        assertEquals(List.of("coverage"), result.missingValues());
        assertTrue(result.text().contains("Member ID: [MISSING: coverage]"), result.text());
        assertTrue(result.text().contains("Requested service: MRI right shoulder without contrast (73221)"),
                "the rest of the draft is still there: " + result.text());
    }

    @Test
    void anOperatorsTemplateReplacesTheBuiltInOneAndAnEditCountsFromTheNextDraft() throws Exception {
        Path file = templates.resolve("eligibility-gap-note.ftl");
        Files.writeString(file, "Call ${patient.given} about ${coverage.payer}: member ${coverage.memberId}.\n");
        TemplateDraftingModel model = new TemplateDraftingModel(templates, audit);

        DraftResult first = model.draft(request(DraftKind.ELIGIBILITY_GAP_NOTE, SyntheticPatients.context(QUILLON)));
        assertEquals("Call Quillon about Heronsgate Mutual Health Plan: member ZKW918273645.\n", first.text());

        Files.writeString(file, "Coverage ${coverage.status} for ${patient.mrn}; phone ${patient.fax}.\n");
        DraftResult second = model.draft(request(DraftKind.ELIGIBILITY_GAP_NOTE, SyntheticPatients.context(QUILLON)));
        assertEquals("Coverage cancelled for QV558201; phone [MISSING: patient.fax].\n", second.text());
        assertEquals(List.of("patient.fax"), second.missingValues());
        assertNotEquals(first.producedBy().version(), second.producedBy().version(), "the version names the edit");

        DraftResult builtInKind = model.draft(request(DraftKind.APPEAL_LETTER, SyntheticPatients.context(QUILLON)));
        assertTrue(builtInKind.text().contains("Appeals Department"), "kinds the folder lacks use the built-in one");
    }

    @Test
    void aTemplateCannotReachJava() throws Exception {
        Files.writeString(templates.resolve("appeal-letter.ftl"),
                "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}");
        TemplateDraftingModel model = new TemplateDraftingModel(templates, audit);

        DraftingModelException e = assertThrows(DraftingModelException.class,
                () -> model.draft(request(DraftKind.APPEAL_LETTER, SyntheticPatients.context(QUILLON))));
        assertTrue(e.getMessage().startsWith("template appeal-letter.ftl failed at line 1"), e.getMessage());
    }

    @Test
    void aKindWithoutATemplateIsNamed() {
        DraftingModelException e = assertThrows(DraftingModelException.class,
                () -> builtIn().draft(request(DraftKind.of("refill-response"), SyntheticPatients.context(QUILLON))));
        assertEquals("no template refill-response.ftl nor among the built-in templates", e.getMessage());
    }

    @Test
    void everyDraftIsAuditedUnderThePatientsKeyWithoutItsText() throws Exception {
        builtIn().draft(request(DraftKind.APPEAL_LETTER, SyntheticPatients.context(QUILLON)));

        List<AuditEntry> entries = DraftingAuditEntries.of(trail);
        assertEquals(1, entries.size());
        AuditEntry entry = entries.get(0);
        assertEquals(AuditAction.DRAFT, entry.event().action());
        assertEquals(AuditOutcome.SUCCESS, entry.event().outcome());
        assertEquals(QUILLON.key(), entry.event().patientKey());
        assertEquals("drafting-model/template", entry.event().target());
        assertTrue(entry.event().reason().startsWith("appeal-letter: template appeal-letter.ftl "), entry.event().reason());
        assertTrue(entry.event().reason().endsWith(", nothing sent"), entry.event().reason());
        for (String identifier : QUILLON.identifiers()) {
            assertFalse(entry.event().toString().contains(identifier), identifier);
        }
    }

    private TemplateDraftingModel builtIn() {
        return new TemplateDraftingModel(null, audit);
    }

    private static DraftRequest request(DraftKind kind, PatientContext context) {
        return new DraftRequest(kind, context, "", DATE);
    }
}
