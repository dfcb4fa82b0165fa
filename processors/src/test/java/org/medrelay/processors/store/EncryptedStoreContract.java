package org.medrelay.processors.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditChainVerifier;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadBinding;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.crypto.PayloadKeyRing;
import org.medrelay.processors.crypto.SealedPayloadFormat;
import org.medrelay.processors.crypto.TestKeys;
import org.medrelay.processors.fax.intake.FaxFiles;
import org.medrelay.processors.fax.intake.FaxSidecar;
import org.medrelay.processors.remittance.ReceivedFile;
import org.medrelay.processors.remittance.RemittanceFiles;
import org.medrelay.processors.review.Draft;
import org.medrelay.processors.review.NewWorkItem;
import org.medrelay.processors.review.OperatingMode;
import org.medrelay.processors.review.PatientRef;
import org.medrelay.processors.review.SuiteResult;
import org.medrelay.processors.review.WorkItem;
import org.medrelay.processors.review.WorkItemAuditHook;
import org.medrelay.processors.review.WorkItemPriority;
import org.medrelay.processors.review.WorkItemStore;
import org.medrelay.processors.review.WorkItemType;
import org.medrelay.processors.review.WorkQueue;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payloads in the store (message log raw copies, error store, work item drafts) sealed at rest, read in clear,
 * checked against their SHA-256 and moved to a new key by re-encryption. Run on H2 and on PostgreSQL.
 */
abstract class EncryptedStoreContract {

    static final String NAME = "Quillfeather";
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private DataSource store;
    private final PayloadKeyRing ring = TestKeys.ring("k2026a");
    private final PayloadCipher cipher = PayloadCipher.encrypting(ring);

    abstract DataSource openStore() throws SQLException;

    abstract void closeStore() throws SQLException;

    @BeforeEach
    void open() throws SQLException {
        store = openStore();
    }

    @AfterEach
    void close() throws SQLException {
        closeStore();
    }

    static byte[] adt(String controlId) {
        return ("MSH|^~\\&|REGADT|MRH|MEDRELAY|EHR|20261124||ADT^A04|" + controlId + "|P|2.5\r"
                + "PID|1||MRN-" + controlId + "^^^MRH^MR||" + NAME + "^Zebediah||19700101|M\r")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theMessageLogKeepsASealedRawCopyWithTheSha256OfTheBytesReceived() throws Exception {
        MessageLog log = new MessageLog(store, cipher);
        byte[] raw = adt("E1001");
        log.beginProcessing(Hl7MessageHeader.scan(new String(raw, StandardCharsets.UTF_8)), raw, "UTF-8", NOW);

        long id = log.idOf("REGADT|MRH|E1001").orElseThrow();
        LoggedMessage logged = log.find(id).orElseThrow();
        assertArrayEquals(raw, logged.rawCopy());
        assertEquals(RawCopyHash.of(raw), logged.rawSha256());
        byte[] stored = column("select raw_message from hl7_message where id = ?", id);
        assertEquals("k2026a", SealedPayloadFormat.keyIdOf(stored).orElseThrow());
        assertFalse(containsName(stored));
    }

    @Test
    void theErrorStoreSealsTheBytesUnderTheRowIdAndReadsThemInClear() throws Exception {
        ErrorStore errors = new ErrorStore(store, cipher);
        byte[] raw = adt("E1002");
        long id = errors.record(refused(raw), NOW);

        assertArrayEquals(raw, errors.rawMessage(id).orElseThrow());
        byte[] stored = column("select raw_message from message_error where id = ?", id);
        assertTrue(SealedPayloadFormat.isSealed(stored));
        assertFalse(containsName(stored));
        assertTrue(new RawCopyVerifier(store, cipher).verify().intact());
    }

    @Test
    void workItemDraftsAndEditsAreSealedAndReadInClear() throws Exception {
        WorkItemStore items = new WorkItemStore(store, WorkItemAuditHook.into(new AuditTrail(store)), cipher);
        WorkItem created = items.create(itemWithDraft(), OperatingMode.REVIEW, NOW);
        Draft edit = Draft.text("Dear " + NAME + ", your edited notice.", "text/plain");
        WorkItem approved = items.approveEdited(created.id(), created.version(), "u-synthetic", edit, NOW);

        assertTrue(items.get(created.id()).suiteResult().draft().text().contains(NAME));
        assertEquals(edit, approved.decision().editedDraft());
        for (String column : List.of("draft_payload", "edited_payload")) {
            byte[] stored = column("select " + column + " from work_item where id = ?", created.id());
            assertTrue(SealedPayloadFormat.isSealed(stored), column);
            assertFalse(containsName(stored), column);
        }
    }

    @Test
    void aSealedCopyAlteredOrMovedToAnotherRowIsNamedByVerification() throws Exception {
        MessageLog log = new MessageLog(store, cipher);
        ErrorStore errors = new ErrorStore(store, cipher);
        byte[] raw = adt("E1003");
        log.beginProcessing(Hl7MessageHeader.scan(new String(raw, StandardCharsets.UTF_8)), raw, "UTF-8", NOW);
        long messageId = log.idOf("REGADT|MRH|E1003").orElseThrow();
        long first = errors.record(refused(adt("E1004")), NOW);
        long second = errors.record(refused(adt("E1005")), NOW);
        assertTrue(new RawCopyVerifier(store, cipher).verify().intact());

        byte[] altered = column("select raw_message from hl7_message where id = ?", messageId);
        altered[altered.length - 20] ^= 0x20;
        update("update hl7_message set raw_message = ? where id = ?", altered, messageId);
        update("update message_error set raw_message = ? where id = ?",
                column("select raw_message from message_error where id = ?", first), second);

        RawCopyVerifier.Result result = new RawCopyVerifier(store, cipher).verify();
        assertFalse(result.intact());
        assertEquals(2, result.mismatchCount());
        assertEquals("hl7-message/" + messageId, result.mismatches().get(0).target());
        assertTrue(result.mismatches().get(0).problem().contains("integrity"), result.mismatches().get(0).problem());
        assertEquals("error/" + second, result.mismatches().get(1).target());
    }

    @Test
    void aCopyChangedAndResealedWithTheRightKeyStillFailsItsHash() throws Exception {
        ErrorStore errors = new ErrorStore(store, cipher);
        long id = errors.record(refused(adt("E1006")), NOW);
        byte[] forged = new String(adt("E1006"), StandardCharsets.UTF_8).replace("19700101", "19700102")
                .getBytes(StandardCharsets.UTF_8);
        update("update message_error set raw_message = ? where id = ?",
                cipher.seal(forged, PayloadBinding.errorRawCopy(id)), id);

        RawCopyVerifier.Result result = new RawCopyVerifier(store, cipher).verify();
        assertEquals(1, result.mismatchCount());
        assertTrue(result.mismatches().get(0).problem().startsWith("SHA-256 "), result.mismatches().get(0).problem());
    }

    /** An 835 taken in: its sealed copy kept and its row admitted. */
    private long remittanceFileKept(Path dir, String controlNumber) throws Exception {
        Path era = Files.writeString(dir.resolve("era-" + controlNumber + ".835"), "ISA*00*          *00*          "
                + "*ZZ*SYNTHPAYER     *ZZ*SYNTHPRACTICE  *261124*1000*^*00501*" + controlNumber + "*0*T*:~\n"
                + "CLP*PCN-1*1*100*80**12*PAYERREF~\nNM1*QC*1*" + NAME + "*ZEBEDIAH****MI*W100000001~\n");
        ReceivedFile received = ReceivedFile.of(era, era.getFileName().toString(), "drop-folder");
        Path copy = new SealedRawCopies(dir.resolve("remittance"), cipher, SealedRawCopies.Kind.REMITTANCE)
                .keep(era, received.sha256());
        return new RemittanceFiles(store, Clock.systemUTC()).admit(received, copy.toString()).fileId();
    }

    /** A fax taken in: its sealed copy kept and its row admitted. */
    private long faxKept(Path dir) throws Exception {
        Path fax = Files.writeString(dir.resolve("fax.pdf"), "%PDF-1.4 synthetic referral for " + NAME);
        String sha = ReceivedFile.of(fax, "fax.pdf", "sftp").sha256();
        Path copy = new SealedRawCopies(dir.resolve("fax"), cipher, SealedRawCopies.Kind.FAX).keep(fax, sha);
        return new FaxFiles(store, Clock.systemUTC()).admit("fax.pdf", "sftp", sha, Files.size(fax), copy.toString(),
                FaxSidecar.NONE).orElseThrow().id();
    }

    private Path copyOf(String table, long id) throws SQLException {
        try (Connection c = store.getConnection();
             PreparedStatement query = c.prepareStatement("select raw_copy from " + table + " where id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                return Path.of(rs.getString(1));
            }
        }
    }

    @Test
    void theSealedFileCopiesOfRemittancesAndFaxesAreVerifiedAndAnAlteredOrMissingOneNamed(@TempDir Path dir)
            throws Exception {
        long eraId = remittanceFileKept(dir, "000000905");
        long faxId = faxKept(dir);
        Path eraCopy = copyOf("remittance_file", eraId);
        Path faxCopy = copyOf("fax_file", faxId);

        RawCopyVerifier.Result intact = new RawCopyVerifier(store, cipher).verify();
        assertTrue(intact.intact(), intact.mismatches().toString());
        assertEquals(2, intact.checked());

        byte[] sealed = Files.readAllBytes(faxCopy);
        sealed[sealed.length / 2] ^= 0x01;
        Files.write(faxCopy, sealed);
        Files.delete(eraCopy);

        RawCopyVerifier.Result result = new RawCopyVerifier(store, cipher).verify();
        assertEquals(2, result.mismatchCount());
        assertEquals("remittance-file/" + eraId, result.mismatches().get(0).target());
        assertEquals("the sealed copy " + eraCopy.getFileName() + " is missing", result.mismatches().get(0).problem());
        assertEquals("fax-file/" + faxId, result.mismatches().get(1).target());
        assertTrue(result.mismatches().get(1).problem().contains("integrity"), result.mismatches().get(1).problem());
    }

    @Test
    void aClearCopyChangedInPlaceFailsItsHash() throws Exception {
        PayloadCipher off = PayloadCipher.clearOnly();
        MessageLog log = new MessageLog(store, off);
        byte[] raw = adt("E1007");
        log.beginProcessing(Hl7MessageHeader.scan(new String(raw, StandardCharsets.UTF_8)), raw, "UTF-8", NOW);
        long id = log.idOf("REGADT|MRH|E1007").orElseThrow();
        assertArrayEquals(raw, column("select raw_message from hl7_message where id = ?", id), "stored in clear");

        raw[raw.length - 3] = '9';
        update("update hl7_message set raw_message = ? where id = ?", raw, id);
        RawCopyVerifier.Result result = new RawCopyVerifier(store, off).verify();
        assertEquals(1, result.checked());
        assertEquals("hl7-message/" + id, result.mismatches().get(0).target());
    }

    @Test
    void reEncryptionMovesEveryPayloadToTheNewActiveKeyInAuditedBatches() throws Exception {
        MessageLog log = new MessageLog(store, cipher);
        ErrorStore errors = new ErrorStore(store, cipher);
        for (String controlId : List.of("R1", "R2", "R3")) {
            byte[] raw = adt(controlId);
            log.beginProcessing(Hl7MessageHeader.scan(new String(raw, StandardCharsets.UTF_8)), raw, "UTF-8", NOW);
        }
        long errorId = errors.record(refused(adt("R4")), NOW);
        WorkItemStore items = new WorkItemStore(store, WorkItemAuditHook.into(new AuditTrail(store)), cipher);
        long itemId = items.create(itemWithDraft(), OperatingMode.REVIEW, NOW).id();

        PayloadCipher rotated = PayloadCipher.encrypting(TestKeys.withActive(ring, "k2026b",
                Map.of("k2026b", TestKeys.randomKey())));
        AuditTrail trail = new AuditTrail(store);
        PayloadReEncryption.Result result = new PayloadReEncryption(store, rotated, trail, Clock.systemUTC())
                .run(2, "os:synthetic-operator");

        assertEquals(5, result.examined());
        assertEquals(5, result.reEncrypted());
        Map<String, Map<String, Long>> census = new PayloadKeyCensus(store, rotated).count();
        assertEquals(Map.of("k2026b", 3L), census.get(StoredPayloadColumn.HL7_MESSAGE_RAW_COPY.label()));
        assertEquals(Map.of("k2026b", 1L), census.get(StoredPayloadColumn.ERROR_RAW_COPY.label()));
        assertEquals(Map.of("k2026b", 1L), census.get(StoredPayloadColumn.WORK_ITEM_DRAFT.label()));
        assertEquals(Map.of(), census.get("remittance_file.raw_copy"), "no 835 taken in, so none to count");
        assertArrayEquals(adt("R4"), new ErrorStore(store, rotated).rawMessage(errorId).orElseThrow());
        assertTrue(new WorkItemStore(store, WorkItemAuditHook.into(trail), rotated).get(itemId)
                .suiteResult().draft().text().contains(NAME));
        assertTrue(new RawCopyVerifier(store, rotated).verify().intact());

        List<AuditEntry> reEncryptions = trail.newestFirst(AuditQuery.ALL, 100).stream()
                .filter(e -> e.event().action() == AuditAction.RE_ENCRYPT).toList();
        // hl7_message in batches of 2 (2 + 1), then one batch each for the error and the draft
        assertEquals(4, reEncryptions.size());
        assertTrue(reEncryptions.stream().allMatch(e -> "os:synthetic-operator".equals(e.event().actor())
                && e.event().patientKey() == null && e.event().reason().contains("k2026b")));
        assertTrue(new AuditChainVerifier(store).verify().intact());

        PayloadReEncryption.Result again = new PayloadReEncryption(store, rotated, trail, Clock.systemUTC())
                .run(2, "os:synthetic-operator");
        assertEquals(0, again.reEncrypted(), "a second run finds nothing left to do");
    }

    @Test
    void reEncryptionReSealsTheFileCopiesOfRemittancesAndFaxesSoTheOldKeyCanGo(@TempDir Path dir) throws Exception {
        long first = remittanceFileKept(dir, "000000906");
        long second = remittanceFileKept(dir, "000000907");
        long gone = remittanceFileKept(dir, "000000908");
        long faxId = faxKept(dir);
        Files.delete(copyOf("remittance_file", gone));
        SecretKey newKey = TestKeys.randomKey();
        PayloadCipher rotated = PayloadCipher.encrypting(TestKeys.withActive(ring, "k2026b", Map.of("k2026b", newKey)));
        AuditTrail trail = new AuditTrail(store);

        PayloadReEncryption.Result result = new PayloadReEncryption(store, rotated, trail, Clock.systemUTC())
                .run(200, "os:synthetic-operator");

        assertEquals(3, result.reEncrypted());
        assertEquals(1, result.unreadableCount());
        assertEquals("remittance-file/" + gone + " (remittance_file.raw_copy): the sealed copy "
                + copyOf("remittance_file", gone).getFileName() + " is missing", result.unreadable().get(0));
        Map<String, Map<String, Long>> census = new PayloadKeyCensus(store, rotated).count();
        assertEquals(Map.of("k2026b", 2L, PayloadKeyCensus.MISSING, 1L), census.get("remittance_file.raw_copy"));
        assertEquals(Map.of("k2026b", 1L), census.get("fax_file.raw_copy"));
        assertFalse(new String(Files.readAllBytes(copyOf("fax_file", faxId)), StandardCharsets.ISO_8859_1).contains(NAME));

        PayloadCipher newKeyOnly = PayloadCipher.encrypting(PayloadKeyRing.of("k2026b", Map.of("k2026b", newKey)));
        RawCopyVerifier.Result verified = new RawCopyVerifier(store, newKeyOnly).verify();
        assertEquals(List.of("remittance-file/" + gone), verified.mismatches().stream().map(RawCopyVerifier.Mismatch::target)
                .toList(), "with the old key removed, every copy but the missing one opens and matches its hash");
        List<AuditEntry> reEncryptions = trail.newestFirst(AuditQuery.ALL, 100).stream()
                .filter(e -> e.event().action() == AuditAction.RE_ENCRYPT).toList();
        assertEquals(List.of("fax-file/" + faxId, "remittance-file/" + first + ".." + second),
                reEncryptions.stream().map(e -> e.event().target()).toList());
        assertEquals(0, new PayloadReEncryption(store, rotated, trail, Clock.systemUTC()).run(200, "os:synthetic-operator")
                .reEncrypted(), "a second run finds nothing left to do");
    }

    private static MessageError refused(byte[] raw) {
        return new MessageError(ErrorKind.REJECTED, "hl7-mllp-in", null, "E", "ADT^A04", 200, "MSH-9",
                "message type not accepted", null, "UTF-8", raw, "127.0.0.1");
    }

    private static NewWorkItem itemWithDraft() {
        return new NewWorkItem(WorkItemType.ELIGIBILITY_GAP, "eligibility",
                new PatientRef("Patient/syn-e1", "7f3a09c4e81b22d5"), WorkQueue.FRONT_DESK, null,
                NOW.plusSeconds(86_400), WorkItemPriority.ROUTINE,
                SuiteResult.draft(Draft.text("Dear " + NAME + ", coverage with Synthetic Mutual ended.", "text/plain"),
                        0.9, List.of("271 EB01=6")), null, List.of());
    }

    private boolean containsName(byte[] stored) {
        return new String(stored, StandardCharsets.ISO_8859_1).contains(NAME);
    }

    private byte[] column(String sql, long id) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                byte[] value = rs.getBytes(1);
                assertNotNull(value);
                return value;
            }
        }
    }

    private void update(String sql, byte[] value, long id) throws SQLException {
        try (Connection c = store.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.setBytes(1, value);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
