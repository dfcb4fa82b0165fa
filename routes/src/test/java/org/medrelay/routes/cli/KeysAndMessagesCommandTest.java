package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.MedRelayEngine;
import org.medrelay.routes.engine.TestEngines;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Key rotation and the integrity check as an operator does them: an engine seals under key k1; a new key k2 is
 * configured and made active, and the engine restarted seals new messages under k2 while reading k1's; `keys status`
 * counts both, `keys re-encrypt` moves everything to k2 in audited batches, `messages verify` finds every raw copy
 * intact, `messages show --raw` gives the bytes as received, and a raw copy altered in the store is named.
 */
class KeysAndMessagesCommandTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Path config;
    private int mllpPort;
    private String baseConfig;

    @BeforeEach
    void configuration() throws Exception {
        config = dir.resolve("application.properties");
        mllpPort = TestEngines.freePort();
        int fhirPort = TestEngines.freePort();
        baseConfig = "medrelay.data.dir=" + dir.resolve("data") + "\n"
                + "medrelay.mllp.host=127.0.0.1\nmedrelay.mllp.port=" + mllpPort + "\n"
                + "medrelay.fhir.sandbox.host=127.0.0.1\nmedrelay.fhir.sandbox.port=" + fhirPort + "\n"
                + "medrelay.fhir.base-url=http://127.0.0.1:" + fhirPort + "/fhir\n"
                // Synthetic random keys, made for this test only.
                + "medrelay.encryption.key.k1=" + randomKey() + "\n";
        Files.writeString(config, baseConfig);
        originalOut = System.out;
        originalErr = System.err;
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void rotationReEncryptsEverythingUnderTheNewKeyAndTheRawCopiesStayIntact() throws Exception {
        byte[] first = adt("KEY1001").getBytes(StandardCharsets.UTF_8);
        runEngineAndSend(first, "KEY1001");
        Files.writeString(config, baseConfig + "medrelay.encryption.key.k2=" + randomKey() + "\n"
                + "medrelay.encryption.active-key-id=k2\n");
        runEngineAndSend(adt("KEY1002").getBytes(StandardCharsets.UTF_8), "KEY1002");

        String status = run(0, "keys", "status");
        assertTrue(status.contains("encryption: on, active key id k2"), status);
        assertTrue(status.contains("hl7_message.raw_message\tk1\t1"), status);
        assertTrue(status.contains("hl7_message.raw_message\tk2\t1"), status);

        String reEncrypted = run(0, "keys", "re-encrypt", "--batch-size", "1");
        assertTrue(reEncrypted.startsWith("2 payload(s) examined, 1 re-encrypted"), reEncrypted);
        String after = run(0, "keys", "status");
        assertTrue(after.contains("hl7_message.raw_message\tk2\t2"), after);
        assertFalse(after.contains("\tk1\t"), after);
        try (HikariDataSource store = EngineStore.open(config)) {
            assertEquals(1, new AuditTrail(store).newestFirst(AuditQuery.ALL, 100).stream()
                    .filter(e -> e.event().action() == AuditAction.RE_ENCRYPT).count());
        }
        assertTrue(run(0, "audit", "verify").startsWith("audit chain intact"));

        assertEquals("raw copies intact: 2\n", run(0, "messages", "verify"));
        long firstId = messageId("REGADT|MRH_CLINIC|KEY1001");
        assertArrayEquals(first, runBytes(0, "messages", "show", String.valueOf(firstId), "--raw"));
        assertTrue(run(0, "messages", "show", String.valueOf(firstId)).contains("REGADT|MRH_CLINIC|KEY1001"));

        alterRawCopy(firstId);
        String verify = run(1, "messages", "verify");
        assertTrue(verify.startsWith("raw copy hl7-message/" + firstId + " altered: "), verify);
        assertTrue(verify.contains("raw copies altered: 1 of 2"), verify);
    }

    private void runEngineAndSend(byte[] message, String controlId) throws Exception {
        EngineProperties props = EngineProperties.load(config, new HashMap<>(), new Properties());
        try (MedRelayEngine engine = new MedRelayEngine(props).start();
             MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            assertEquals("AA", AckSummary.of(client.send(message)).code());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (engine.messageLog().statusOf("REGADT|MRH_CLINIC|" + controlId)
                    .filter(MessageStatus.PROCESSED::equals).isEmpty()) {
                assertTrue(System.nanoTime() < deadline, controlId + " not processed");
                Thread.sleep(50);
            }
        }
    }

    private String run(int expectedExit, String... args) throws Exception {
        return new String(runBytes(expectedExit, args), StandardCharsets.UTF_8);
    }

    private byte[] runBytes(int expectedExit, String... args) throws Exception {
        out.reset();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        // medrelay <group> --config FILE <command> ...: --config belongs to the group and is inherited
        String[] withConfig = new String[args.length + 2];
        withConfig[0] = args[0];
        withConfig[1] = "--config";
        withConfig[2] = config.toString();
        System.arraycopy(args, 1, withConfig, 3, args.length - 1);
        int exit = MedRelayCli.execute(withConfig);
        System.setOut(originalOut);
        System.setErr(originalErr);
        assertEquals(expectedExit, exit, "exit of " + String.join(" ", args) + "; stderr: " + err);
        return out.toByteArray();
    }

    private long messageId(String dedupKey) throws Exception {
        try (HikariDataSource store = EngineStore.open(config);
             Connection c = store.getConnection();
             PreparedStatement query = c.prepareStatement("select id from hl7_message where dedup_key = ?")) {
            query.setString(1, dedupKey);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    /** One bit of the sealed copy flipped in the store, as a person editing the database would. */
    private void alterRawCopy(long id) throws Exception {
        try (HikariDataSource store = EngineStore.open(config); Connection c = store.getConnection()) {
            byte[] stored;
            try (PreparedStatement query = c.prepareStatement("select raw_message from hl7_message where id = ?")) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    assertTrue(rs.next());
                    stored = rs.getBytes(1);
                }
            }
            stored[stored.length / 2] ^= 0x04;
            try (PreparedStatement update = c.prepareStatement("update hl7_message set raw_message = ? where id = ?")) {
                update.setBytes(1, stored);
                update.setLong(2, id);
                assertEquals(1, update.executeUpdate());
            }
        }
    }

    private static String adt(String controlId) {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261124083000||ADT^A04^ADT_A01|" + controlId + "|P|2.5.1\r"
                + "EVN|A04|20261124083000\r"
                + "PID|1||MRN-" + controlId + "^^^MRH^MR||Rotationcase^Rhea||19800505|F\r";
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
