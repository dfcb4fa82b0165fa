package org.medrelay.routes.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;
import org.medrelay.routes.mllp.MllpClientTls;
import org.medrelay.routes.mllp.TestCertificates;
import org.medrelay.routes.mllp.TlsConfigurationException;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** medrelay.mllp.tls.enabled=true with a keystore: the real engine's listener speaks MLLP inside TLS only. */
class MllpTlsListenerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    private static MedRelayEngine engine;
    private static int mllpPort;
    private static TestCertificates certs;

    @BeforeAll
    static void startEngineWithTls() throws Exception {
        certs = TestCertificates.shared();
        mllpPort = TestEngines.freePort();
        engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of(
                "medrelay.mllp.tls.enabled", "true",
                "medrelay.mllp.tls.keystore", certs.listenerKeystore().toString(),
                "medrelay.mllp.tls.keystore-password", TestCertificates.PASSWORD))).start();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static byte[] adt(String controlId) {
        return Hl7MllpIngestTest.adtA04(controlId, "MRN-" + controlId, "Tlscase").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void senderOverTlsGetsAaForAnAdtMessage() throws Exception {
        try (MllpClient client = MllpClient.overTls("127.0.0.1", mllpPort, TIMEOUT, certs.sender(null))) {
            AckSummary ack = AckSummary.of(client.send(adt("S1001")));

            assertEquals("AA", ack.code());
            assertEquals("S1001", ack.acknowledgedControlId());
        }
    }

    @Test
    void senderDiallingLocalhostIsAcceptedByName() throws Exception {
        try (MllpClient client = MllpClient.overTls("localhost", mllpPort, TIMEOUT, certs.sender(null))) {
            assertEquals("AA", AckSummary.of(client.send(adt("S1002"))).code());
        }
    }

    @Test
    void plainTcpSenderGetsNoAcknowledgementAndNothingIsStored() throws Exception {
        long start = System.nanoTime();
        try (MllpClient client = new MllpClient("127.0.0.1", mllpPort, TIMEOUT)) {
            assertThrows(IOException.class, () -> client.send(adt("S2001")),
                    "a TLS listener must not answer MLLP sent in the clear");
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(TIMEOUT.plusSeconds(1)) < 0);

        // The message log is written at processing: a TLS message sent after it is awaited first.
        try (MllpClient client = MllpClient.overTls("127.0.0.1", mllpPort, TIMEOUT, certs.sender(null))) {
            assertEquals("AA", AckSummary.of(client.send(adt("S2002"))).code());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (engine.messageLog().statusOf("REGADT|MRH_CLINIC|S2002").filter(MessageStatus.PROCESSED::equals)
                .isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the TLS message after it was not processed");
            Thread.sleep(50);
        }
        assertTrue(engine.messageLog().statusOf("REGADT|MRH_CLINIC|S2001").isEmpty(), "cleartext message stored");
    }

    @Test
    void tlsWithAMissingKeystoreStopsStartupNamingThePropertyBeforeAnythingListens(@TempDir Path otherDataDir)
            throws Exception {
        int port = TestEngines.freePort();
        Path missing = otherDataDir.resolve("listener.p12");
        MedRelayEngine misconfigured = new MedRelayEngine(TestEngines.embedded(otherDataDir.resolve("data"), port,
                TestEngines.freePort(), Map.of("medrelay.mllp.tls.enabled", "true",
                        "medrelay.mllp.tls.keystore", missing.toString(),
                        "medrelay.mllp.tls.keystore-password", "hunter2-not-shown")));

        TlsConfigurationException error = assertThrows(TlsConfigurationException.class, misconfigured::start);

        assertEquals("medrelay.mllp.tls.keystore: no such file " + missing, error.getMessage());
        assertFalse(Files.exists(otherDataDir.resolve("data")), "nothing was started before the check");
        assertThrows(ConnectException.class, () -> new MllpClient("127.0.0.1", port, TIMEOUT).close());
    }

    @Test
    void senderThatDoesNotTrustTheListenerCertificateStopsAtTheHandshake() {
        // The listener's own truststore holds only the sender's certificate, not the listener's.
        MllpClientTls untrusting = new MllpClientTls(TestCertificates.file(certs.listenerTruststore()), null);

        assertThrows(SSLHandshakeException.class,
                () -> MllpClient.overTls("127.0.0.1", mllpPort, TIMEOUT, untrusting.socketFactory()).close());
    }
}
