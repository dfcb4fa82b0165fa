package org.medrelay.routes.cli;

import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.KeyStoreFile;
import org.medrelay.routes.mllp.MllpClient;
import org.medrelay.routes.mllp.MllpClientTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "send", description = "Send the HL7v2 message(s) in FILE over MLLP and print each ACK received. "
        + "Exit code 0 if every message was accepted (AA), 1 if any was refused, 3 if the listener is unreachable "
        + "or the TLS handshake fails.")
final class Hl7SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "file with one or more HL7v2 messages")
    Path file;

    @Option(names = "--host", defaultValue = "localhost", description = "MLLP listener host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "2575", description = "MLLP listener port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for each ACK (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--tls", description = "connect with TLS; the listener's certificate must name --host")
    boolean tls;

    @Option(names = "--truststore", paramLabel = "FILE", description = "with --tls: the listener's certificate "
            + "or its CA, PKCS12 or JKS (default: the JDK's CA list)")
    Path truststore;

    @Option(names = "--truststore-password", arity = "0..1", interactive = true,
            description = "password of --truststore (asked for when given without a value)")
    String truststorePassword;

    @Option(names = "--keystore", paramLabel = "FILE", description = "with --tls: this sender's certificate and "
            + "private key, PKCS12 or JKS, for a listener that requires one (mutual TLS)")
    Path keystore;

    @Option(names = "--keystore-password", arity = "0..1", interactive = true,
            description = "password of --keystore (asked for when given without a value)")
    String keystorePassword;

    @Override
    public Integer call() throws Exception {
        if (!tls && (truststore != null || keystore != null)) {
            // Sending in the clear when the user named key material is the one mistake not to make quietly.
            throw new ParameterException(spec.commandLine(), "--truststore and --keystore need --tls");
        }
        List<byte[]> messages = Hl7MessageFiles.split(Files.readAllBytes(file), file.toString());
        boolean allAccepted = true;
        try (MllpClient client = connect()) {
            for (byte[] message : messages) {
                AckSummary ack = AckSummary.of(client.send(message));
                System.out.println(ack.text().replace('\r', '\n').stripTrailing());
                allAccepted &= ack.accepted();
            }
        } catch (java.net.ConnectException e) {
            System.err.println("medrelay: no MLLP listener at " + host + ":" + port + " (" + e.getMessage() + ")");
            return CliErrors.EXIT_UNREACHABLE;
        } catch (SSLException e) {
            System.err.println("medrelay: TLS with " + host + ":" + port + " failed: " + CliErrors.describeTls(e));
            return CliErrors.EXIT_UNREACHABLE;
        } catch (IOException e) {
            System.err.println("medrelay: MLLP exchange with " + host + ":" + port + " failed: " + e.getMessage()
                    + (tls ? tlsRefusalHint() : ""));
            return CliErrors.EXIT_UNREACHABLE;
        }
        return allAccepted ? CliErrors.EXIT_OK : CliErrors.EXIT_FAILURE;
    }

    /**
     * Under TLS 1.3 the sender's side of the handshake is over before the listener checks the sender's
     * certificate, so a refusal can arrive as a closed connection on the first send rather than as an alert.
     */
    private String tlsRefusalHint() {
        return keystore == null
                ? " (a listener that requires a client certificate closes the connection without one: see --keystore)"
                : " (the listener may not trust the certificate in --keystore)";
    }

    private MllpClient connect() throws IOException {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        if (!tls) {
            return new MllpClient(host, port, timeout);
        }
        KeyStoreFile trust = truststore == null ? null
                : new KeyStoreFile("--truststore", truststore, truststorePassword);
        KeyStoreFile keys = keystore == null ? null : new KeyStoreFile("--keystore", keystore, keystorePassword);
        return MllpClient.overTls(host, port, timeout, new MllpClientTls(trust, keys).socketFactory());
    }
}
