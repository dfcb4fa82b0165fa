package org.medrelay.routes.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.routes.engine.MedRelayEngine;
import org.medrelay.routes.engine.TestEngines;
import org.medrelay.routes.mllp.TestCertificates;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `medrelay hl7 send --tls` against an engine whose listener requires client certificates: exit 0 with the ACK
 * when the TLS settings are right, exit 3 and one line saying what is wrong when the handshake fails.
 */
class Hl7SendTlsCommandTest {

    @TempDir
    static Path dataDir;

    private static MedRelayEngine engine;
    private static int mllpPort;
    private static TestCertificates certs;
    private static Path message;

    private final ThisThreadOnly out = new ThisThreadOnly();
    private final ThisThreadOnly err = new ThisThreadOnly();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeAll
    static void startEngineWithMutualTls() throws Exception {
        certs = TestCertificates.shared();
        mllpPort = TestEngines.freePort();
        engine = new MedRelayEngine(TestEngines.embedded(dataDir.resolve("engine"), mllpPort, TestEngines.freePort(),
                Map.of("medrelay.mllp.tls.enabled", "true",
                        "medrelay.mllp.tls.keystore", certs.listenerKeystore().toString(),
                        "medrelay.mllp.tls.keystore-password", TestCertificates.PASSWORD,
                        "medrelay.mllp.tls.need-client-auth", "true",
                        "medrelay.mllp.tls.truststore", certs.listenerTruststore().toString(),
                        "medrelay.mllp.tls.truststore-password", TestCertificates.PASSWORD))).start();
        message = dataDir.resolve("adt.hl7");
        try (InputStream sample = Hl7SendTlsCommandTest.class
                .getResourceAsStream("/medrelay-test-data/hl7v2/adt-a04-registration.hl7")) {
            Files.write(message, sample.readAllBytes());
        }
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Keeps what the command prints: the engine in this JVM logs to the same System.err from its own threads. */
    private static final class ThisThreadOnly extends OutputStream {
        private final Thread owner = Thread.currentThread();
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (Thread.currentThread() == owner) {
                kept.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (Thread.currentThread() == owner) {
                kept.write(b, off, len);
            }
        }

        String toString(java.nio.charset.Charset charset) {
            return kept.toString(charset);
        }
    }

    private int send(String... tlsOptions) {
        List<String> args = new ArrayList<>(List.of("hl7", "send", message.toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(mllpPort), "--timeout", "5"));
        args.addAll(List.of(tlsOptions));
        return MedRelayCli.execute(args.toArray(String[]::new));
    }

    private String oneLineReason() {
        String reason = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(reason.startsWith("medrelay: "), reason);
        assertEquals(1, reason.lines().count(), reason);
        assertFalse(reason.contains("\tat "), "no stack trace");
        assertFalse(reason.contains(TestCertificates.PASSWORD), "never print a password");
        return reason;
    }

    @Test
    void trustedSenderCertificateExitsZeroAndPrintsTheAa() {
        int exit = send("--tls", "--truststore", certs.senderTruststore().toString(),
                "--truststore-password", TestCertificates.PASSWORD,
                "--keystore", certs.senderKeystore().toString(), "--keystore-password", TestCertificates.PASSWORD);

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("MSA|AA|"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listenerCertificateNotInTheTruststoreExitsThree() {
        int exit = send("--tls", "--truststore", certs.listenerTruststore().toString(),
                "--truststore-password", TestCertificates.PASSWORD,
                "--keystore", certs.senderKeystore().toString(), "--keystore-password", TestCertificates.PASSWORD);

        assertEquals(3, exit);
        String reason = oneLineReason();
        assertTrue(reason.contains("TLS with 127.0.0.1:" + mllpPort + " failed"), reason);
        assertTrue(reason.contains("listener's certificate is not trusted"), reason);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noSenderCertificateForAMutualTlsListenerExitsThree() {
        int exit = send("--tls", "--truststore", certs.senderTruststore().toString(),
                "--truststore-password", TestCertificates.PASSWORD);

        assertEquals(3, exit);
        String reason = oneLineReason();
        assertTrue(reason.contains("127.0.0.1:" + mllpPort), reason);
        assertTrue(reason.contains("--keystore"), "says what to fix: " + reason);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void plainSendToATlsListenerExitsThree() {
        assertEquals(3, send());
        oneLineReason();
    }

    @Test
    void missingTruststoreFileExitsOneNamingTheOption() {
        Path missing = dataDir.resolve("nope.p12");

        int exit = send("--tls", "--truststore", missing.toString(), "--truststore-password", "x");

        assertEquals(1, exit);
        assertTrue(oneLineReason().contains("--truststore: no such file " + missing));
    }

    @Test
    void keyMaterialWithoutTlsIsAUsageError() {
        int exit = send("--truststore", certs.senderTruststore().toString());

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--truststore and --keystore need --tls"));
    }
}
