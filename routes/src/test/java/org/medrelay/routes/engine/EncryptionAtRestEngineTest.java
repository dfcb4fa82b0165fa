package org.medrelay.routes.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.store.ErrorKind;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.LoggedMessage;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.processors.store.RawCopyHash;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encryption at rest, looked for where an attacker with the disk would look: every file of the store and of the
 * broker journal is read byte by byte for a distinctive synthetic patient name, after an accepted message (queued,
 * processed, raw copy kept) and a refused one (error store). With encryption on it is nowhere; with it off, it is in
 * both, which shows the search would find it. The sandbox EHR's own files are not MedRelay's store and are left out.
 */
class EncryptionAtRestEngineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String NAME = "Quillfeatherstonehaugh";

    @TempDir
    Path dataDir;

    @Test
    void withEncryptionOnTheNameIsNowhereInTheStoreOrTheBrokerJournal() throws Exception {
        runAcceptedAndRefused(Map.of());

        assertEquals(List.of(), filesContainingName(dataDir.resolve("store")));
        assertEquals(List.of(), filesContainingName(dataDir.resolve("broker")));
        Path keyFile = dataDir.resolve("keys").resolve("payload-encryption.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }

    @Test
    void withEncryptionOffTheNameIsInBothAsTheOperatorChose() throws Exception {
        runAcceptedAndRefused(Map.of("medrelay.encryption.enabled", "false"));

        assertFalse(filesContainingName(dataDir.resolve("store")).isEmpty());
        assertFalse(filesContainingName(dataDir.resolve("broker")).isEmpty());
        assertFalse(Files.exists(dataDir.resolve("keys").resolve("payload-encryption.key")), "no key made when off");
    }

    /** Sends both, checks they read back in clear (raw copy = bytes sent, with its SHA-256), stops the engine. */
    private void runAcceptedAndRefused(Map<String, String> overrides) throws Exception {
        int mllpPort = TestEngines.freePort();
        byte[] accepted = adt("ENC1001", "ADT^A04^ADT_A01").getBytes(StandardCharsets.ISO_8859_1);
        byte[] refused = adt("ENC1002", "ZZZ^Z99").getBytes(StandardCharsets.ISO_8859_1);
        try (MedRelayEngine engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(),
                overrides)).start();
             MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            assertEquals("AA", AckSummary.of(client.send(accepted)).code());
            assertEquals("AR", AckSummary.of(client.send(refused)).code());
            await(() -> status(engine, "REGADT|MRH_CLINIC|ENC1001"));
            ErrorStore errors = engine.camelContext().getRegistry().lookupByNameAndType("errorStore", ErrorStore.class);
            long refusedId = errors.list(10).stream().filter(e -> e.kind() == ErrorKind.REJECTED).findFirst()
                    .orElseThrow().id();
            assertArrayEquals(refused, errors.rawMessage(refusedId).orElseThrow(), "the error store reads in clear");

            LoggedMessage logged = engine.messageLog().find(engine.messageLog().idOf("REGADT|MRH_CLINIC|ENC1001")
                    .orElseThrow()).orElseThrow();
            assertArrayEquals(accepted, logged.rawCopy(), "the raw copy is the bytes as received (ISO-8859-1 here)");
            assertEquals(RawCopyHash.of(accepted), logged.rawSha256());
        }
    }

    private static boolean status(MedRelayEngine engine, String key) {
        try {
            return engine.messageLog().statusOf(key).filter(MessageStatus.PROCESSED::equals).isPresent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message naming the patient in PID-5 and PID-11, in Latin-1 (MSH-18), so the raw copy shows undecoded bytes. */
    private static String adt(String controlId, String type) {
        return "MSH|^~\\&|REGADT|MRH_CLINIC|MEDRELAY|EHR|20261124083000||" + type + "|" + controlId
                + "|P|2.5.1|||||||8859/1\r"
                + "EVN|A04|20261124083000\r"
                + "PID|1||MRN-" + controlId + "^^^MRH^MR||" + NAME + "^Zébédée||19710214|F|||1 "
                + NAME + " Lane^^Springfield^IL^62701\r"
                + TestMessages.pv1("O", "CLINIC^101^1^MRH", "1234567890^Doctor^Dana", "V" + controlId);
    }

    /** Every file under {@code dir} whose bytes contain the name; fails when there are no files to look at. */
    static List<Path> filesContainingName(Path dir) throws IOException {
        byte[] needle = NAME.getBytes(StandardCharsets.US_ASCII);
        List<Path> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files++;
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    found.add(dir.relativize(file));
                }
            }
        }
        assertTrue(files > 0, "nothing on disk under " + dir);
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }
}
