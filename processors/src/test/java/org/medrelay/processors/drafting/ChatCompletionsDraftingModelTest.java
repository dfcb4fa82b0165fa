package org.medrelay.processors.drafting;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.deid.Deidentifier;
import org.medrelay.processors.testing.TestStores;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medrelay.processors.drafting.SyntheticPatients.QUILLON;

/**
 * The endpoint backend against a real HTTP server on loopback that records what it received: an endpoint without
 * an agreement never sees the patient's identifiers (de-identified, or nothing at all), a marked one sees the
 * record, and every call is in the audit trail without its text.
 */
class ChatCompletionsDraftingModelTest {

    private static final Pattern TOKEN = Pattern.compile("\\[[A-Z]+-\\d+]");
    private static final LocalDate DATE = LocalDate.of(2026, 11, 24);

    private RecordingChatEndpoint server;
    private HikariDataSource store;
    private AuditTrail trail;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingChatEndpoint();
        store = TestStores.h2("drafting");
        trail = new AuditTrail(store);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void anUnmarkedEndpointReceivesNoIdentifierOfThePatientAndTheReplyIsReidentifiedHere() throws Exception {
        // The "model" writes a letter with every pseudonym it was given, as a model copies them into its draft.
        server.answering(user -> "Appeal for " + tokensIn(user) + ". Regards.");
        DraftingModel model = model(Map.of("agreement", "none", "phi-handling", "deidentify"));

        DraftResult result = model.draft(request("Mention that Quillon Vantaberry (MRN QV558201) called on 2026-11-20."));

        assertEquals(1, server.received().size());
        String sent = server.received().get(0).body();
        for (String identifier : QUILLON.identifiers()) {
            assertFalse(sent.contains(identifier), () -> "the unmarked endpoint received " + identifier);
        }
        assertFalse(sent.contains("2026-11-20"), "dates in the instructions are cut to the year too");
        assertTrue(server.received().get(0).userMessage().contains("Therapeutic exercises"),
                "what is not identifying still goes: the model needs the facts");
        assertTrue(result.text().contains("Vantaberry"), "pseudonyms put back inside the deployment: " + result.text());
        assertTrue(result.text().contains(QUILLON.memberId()));
        assertTrue(result.producedBy().deidentified());
        assertEquals("synthetic-drafter-1", result.producedBy().version());

        AuditEntry entry = onlyEntry();
        assertEquals(AuditAction.DRAFT, entry.event().action());
        assertEquals(AuditOutcome.SUCCESS, entry.event().outcome());
        assertEquals(QUILLON.key(), entry.event().patientKey());
        assertEquals("drafting-model/cloud", entry.event().target());
        assertTrue(entry.event().reason().contains("sent de-identified"), entry.event().reason());
        assertNoIdentifierIn(entry);
    }

    @Test
    void anUnmarkedEndpointSetToRefuseReceivesNothing() throws Exception {
        DraftingModel model = model(Map.of("agreement", "none"));

        IdentifiedDataRefusedException refused = assertThrows(IdentifiedDataRefusedException.class,
                () -> model.draft(request("")));

        assertTrue(refused.getMessage().contains("nothing was sent"), refused.getMessage());
        assertTrue(server.received().isEmpty(), "not a single request reached the endpoint");
        AuditEntry entry = onlyEntry();
        assertEquals(AuditOutcome.FAILURE, entry.event().outcome());
        assertTrue(entry.event().reason().contains("refused: identified data"), entry.event().reason());
    }

    @Test
    void aMarkedEndpointReceivesThePatientsRecordAndTheApiKey() throws Exception {
        server.answering(user -> "Dear payer, regarding Quillon Vantaberry [MISSING: prior denial letter]");
        DraftingModel model = model(Map.of("agreement", "baa", "api-key", "sk-synthetic-key-1"));

        DraftResult result = model.draft(request(""));

        String user = server.received().get(0).userMessage();
        for (String value : List.of(QUILLON.family(), QUILLON.mrn(), QUILLON.birthDate(), QUILLON.memberId())) {
            assertTrue(user.contains(value), "a BAA-covered endpoint gets the record as it is: " + value);
        }
        assertEquals("Bearer sk-synthetic-key-1", server.received().get(0).authorization());
        assertFalse(result.producedBy().deidentified());
        assertEquals(List.of("prior denial letter"), result.missingValues(), "gaps the model marked are reported");
        assertTrue(onlyEntry().event().reason().contains("sent identified under agreement baa"));
    }

    @Test
    void identifiedDataCannotBeConfiguredForAnUnmarkedEndpoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> properties(Map.of("agreement", "none", "phi-handling", "send")).endpoints());
        assertTrue(e.getMessage().contains("medrelay.drafting.endpoint.cloud.phi-handling is send"), e.getMessage());
        assertEquals(PhiHandling.REFUSE, properties(Map.of()).endpoints().get(0).phiHandling(),
                "an endpoint nobody marked refuses by default");
        assertEquals(PhiHandling.SEND, properties(Map.of("agreement", "on-premises")).endpoints().get(0).phiHandling());
    }

    @Test
    void anEndpointErrorNamesTheStatusButNotWhatTheEndpointEchoed() throws Exception {
        server.failingWith(503);
        DraftingModel model = model(Map.of("agreement", "on-premises"));

        DraftingModelException e = assertThrows(DraftingModelException.class, () -> model.draft(request("")));

        assertEquals("model endpoint 'cloud' answered HTTP 503", e.getMessage());
        assertEquals(AuditOutcome.FAILURE, onlyEntry().event().outcome());
        assertNoIdentifierIn(onlyEntry());
    }

    @Test
    void theApiKeyMayComeFromTheEnvironmentAndIsNeverPrinted() {
        DraftingProperties props = new DraftingProperties(endpointProperties(Map.of())::get,
                Map.of("MEDRELAY_DRAFTING_ENDPOINT_CLOUD_API_KEY", "sk-from-env")::get);
        ChatCompletionsEndpoint endpoint = props.endpoints().get(0);
        assertEquals("sk-from-env", endpoint.apiKey());
        assertFalse(endpoint.toString().contains("sk-from-env"), endpoint.toString());
    }

    private DraftingModel model(Map<String, String> endpointSettings) {
        return new DraftingModels(properties(endpointSettings), new Deidentifier(),
                new DraftingAudit(trail, Clock.systemUTC())).named("cloud");
    }

    private DraftingProperties properties(Map<String, String> endpointSettings) {
        return new DraftingProperties(endpointProperties(endpointSettings)::get, name -> null);
    }

    private Map<String, String> endpointProperties(Map<String, String> endpointSettings) {
        Map<String, String> props = new java.util.HashMap<>(Map.of(
                "medrelay.drafting.endpoints", "cloud",
                "medrelay.drafting.endpoint.cloud.base-url", server.baseUrl().toString(),
                "medrelay.drafting.endpoint.cloud.model", "synthetic-drafter",
                "medrelay.drafting.endpoint.cloud.timeout-ms", String.valueOf(Duration.ofSeconds(10).toMillis())));
        endpointSettings.forEach((key, value) -> props.put("medrelay.drafting.endpoint.cloud." + key, value));
        return props;
    }

    private static DraftRequest request(String instructions) {
        return new DraftRequest(DraftKind.APPEAL_LETTER, SyntheticPatients.context(QUILLON), instructions, DATE);
    }

    private AuditEntry onlyEntry() throws Exception {
        List<AuditEntry> entries = DraftingAuditEntries.of(trail);
        assertEquals(1, entries.size(), "one entry per call");
        return entries.get(0);
    }

    private static void assertNoIdentifierIn(AuditEntry entry) {
        String row = entry.event().toString();
        for (String identifier : QUILLON.identifiers()) {
            assertFalse(row.contains(identifier), () -> "audit entry holds " + identifier + ": " + row);
        }
    }

    private static String tokensIn(String text) {
        Matcher m = TOKEN.matcher(text);
        return m.results().map(r -> r.group()).distinct().collect(Collectors.joining(" "));
    }
}
