package org.medrelay.routes.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;
import org.medrelay.routes.mllp.TestCertificates;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * medrelay.mllp.tls.need-client-auth=true with a truststore: only senders whose certificate the truststore
 * vouches for get an ACK; the others are refused at the handshake and nothing they sent is stored.
 */
class MllpMutualTlsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dataDir;

    private static MedRelayEngine engine;
    private static int mllpPort;
    private static TestCertificates certs;

    @BeforeAll
    static void startEngineWithMutualTls() throws Exception {
        certs = TestCertificates.shared();
        mllpPort = TestEngines.freePort();
        engine = new MedRelayEngine(TestEngines.embedded(dataDir, mllpPort, TestEngines.freePort(), Map.of(
                "medrelay.mllp.tls.enabled", "true",
                "medrelay.mllp.tls.keystore", certs.listenerKeystore().toString(),
                "medrelay.mllp.tls.keystore-password", TestCertificates.PASSWORD,
                "medrelay.mllp.tls.need-client-auth", "true",
                "medrelay.mllp.tls.truststore", certs.listenerTruststore().toString(),
                "medrelay.mllp.tls.truststore-password", TestCertificates.PASSWORD))).start();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static AckSummary send(SSLSocketFactory tls, String controlId) throws IOException {
        byte[] message = Hl7MllpIngestTest.adtA04(controlId, "MRN-" + controlId, "Mutualcase")
                .getBytes(StandardCharsets.UTF_8);
        try (MllpClient client = MllpClient.overTls("127.0.0.1", mllpPort, TIMEOUT, tls)) {
            return AckSummary.of(client.send(message));
        }
    }

    /**
     * The message log is written when a message is processed, so a trusted message is sent after the refused
     * one and awaited: had the refused one reached the queue, it would have been processed by then too.
     */
    private static void assertNotStored(String controlId, String markerControlId) throws Exception {
        assertEquals("AA", send(certs.sender(certs.senderKeystore()), markerControlId).code());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (engine.messageLog().statusOf(key(markerControlId)).filter(MessageStatus.PROCESSED::equals).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "marker message " + markerControlId + " was not processed");
            Thread.sleep(50);
        }
        assertTrue(engine.messageLog().statusOf(key(controlId)).isEmpty(), "a refused sender's message was stored");
    }

    private static String key(String controlId) {
        return "REGADT|MRH_CLINIC|" + controlId;
    }

    @Test
    void senderWithATrustedCertificateGetsAa() throws Exception {
        AckSummary ack = send(certs.sender(certs.senderKeystore()), "M1001");

        assertEquals("AA", ack.code());
        assertEquals("M1001", ack.acknowledgedControlId());
    }

    @Test
    void senderWithoutACertificateIsRefused() throws Exception {
        // Under TLS 1.3 the client learns of the refusal on its first read, as an alert or a closed connection.
        assertThrows(IOException.class, () -> send(certs.sender(null), "M2001"));
        assertNotStored("M2001", "M2002");
    }

    @Test
    void senderWithAnUntrustedCertificateIsRefused() throws Exception {
        assertThrows(IOException.class, () -> send(certs.senderInsistingOn(certs.strangerKeystore()), "M3001"));
        assertNotStored("M3001", "M3002");
    }
}
