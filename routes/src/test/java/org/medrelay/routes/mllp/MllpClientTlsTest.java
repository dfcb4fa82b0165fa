package org.medrelay.routes.mllp;

import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sender checks that the listener's certificate names the host it dialled, not only that it is trusted. */
class MllpClientTlsTest {

    @Test
    void trustedCertificateIssuedForAnotherHostIsRefused() throws Exception {
        TestCertificates certs = TestCertificates.shared();
        // The sender's truststore holds this certificate: only the name (dns:ehr.invalid) is wrong.
        try (SSLServerSocket listener = listenerWith(TestCertificates.file(certs.misnamedKeystore()))) {
            listener.setSoTimeout(5000);
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> handshakeOnce(listener));

            SSLHandshakeException refused = assertThrows(SSLHandshakeException.class, () -> MllpClient.overTls(
                    "127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(5), certs.sender(null)).close());

            assertTrue(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
            accepted.join();
        }
    }

    private static SSLServerSocket listenerWith(KeyStoreFile keystore) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore.load(), keystore.keyPassword());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    private static void handshakeOnce(SSLServerSocket listener) {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
        } catch (IOException expected) {
            // The sender aborts the handshake: that is the behaviour under test.
        }
    }
}
