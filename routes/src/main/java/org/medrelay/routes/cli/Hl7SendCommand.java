package org.medrelay.routes.cli;

import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "send", description = "Send the HL7v2 message(s) in FILE over MLLP and print each ACK received. "
        + "Exit code 0 if every message was accepted (AA), 1 if any was refused, 3 if the listener is unreachable.")
final class Hl7SendCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "file with one or more HL7v2 messages")
    Path file;

    @Option(names = "--host", defaultValue = "localhost", description = "MLLP listener host (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "2575", description = "MLLP listener port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait for each ACK (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        List<byte[]> messages = Hl7MessageFiles.split(Files.readAllBytes(file), file.toString());
        boolean allAccepted = true;
        try (MllpClient client = new MllpClient(host, port, Duration.ofSeconds(timeoutSeconds))) {
            for (byte[] message : messages) {
                AckSummary ack = AckSummary.of(client.send(message));
                System.out.println(ack.text().replace('\r', '\n').stripTrailing());
                allAccepted &= ack.accepted();
            }
        } catch (java.net.ConnectException e) {
            System.err.println("medrelay: no MLLP listener at " + host + ":" + port + " (" + e.getMessage() + ")");
            return CliErrors.EXIT_UNREACHABLE;
        } catch (IOException e) {
            System.err.println("medrelay: MLLP exchange with " + host + ":" + port + " failed: " + e.getMessage());
            return CliErrors.EXIT_UNREACHABLE;
        }
        return allAccepted ? CliErrors.EXIT_OK : CliErrors.EXIT_FAILURE;
    }
}
