package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.medrelay.mappings.hl7v2.Hl7Charsets;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.processors.store.MessageStatus;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.MedRelayEngine;
import org.medrelay.routes.mllp.AckSummary;
import org.medrelay.routes.mllp.MllpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "demo", description = "Start the engine on its embedded defaults, feed it the synthetic HL7v2 stream "
        + "from test-data over MLLP, and show what landed in the sandbox EHR's FHIR server.")
final class DemoCommand implements Callable<Integer> {

    private static final String SAMPLE_STREAM = "/medrelay-test-data/hl7v2/sample-stream.hl7";
    private static final List<String> SHOWN_TYPES = List.of("Patient", "Coverage", "Encounter", "Appointment",
            "ServiceRequest", "MedicationRequest", "Observation", "DiagnosticReport", "DocumentReference");

    @Option(names = "--config", description = "application.properties (default: embedded defaults)")
    Path config;

    @Option(names = "--file", description = "HL7v2 file to send instead of the built-in sample stream")
    Path file;

    @Option(names = "--keep-running", description = "leave the engine running afterwards (Ctrl-C stops it)")
    boolean keepRunning;

    @Option(names = "--wait", defaultValue = "120", description = "seconds to wait for processing (default: ${DEFAULT-VALUE})")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        List<byte[]> messages = Hl7MessageFiles.split(sample(), file == null ? "the sample stream" : file.toString());
        try (MedRelayEngine engine = new MedRelayEngine(props).start()) {
            System.out.println("Engine up: MLLP on port " + props.get("medrelay.mllp.port") + ", EHR FHIR API at "
                    + engine.fhirBaseUrl() + ", data in " + props.dataDir());
            Set<String> keys = send(messages, props.getInt("medrelay.mllp.port"));
            awaitProcessing(engine, keys);
            showFhirServer(engine.fhirBaseUrl());
            if (keepRunning) {
                System.out.println("Engine still running; Ctrl-C to stop.");
                engine.awaitShutdown();
            }
        }
        return CliErrors.EXIT_OK;
    }

    private byte[] sample() throws Exception {
        if (file != null) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = DemoCommand.class.getResourceAsStream(SAMPLE_STREAM)) {
            return in.readAllBytes();
        }
    }

    private Set<String> send(List<byte[]> messages, int port) throws Exception {
        Set<String> keys = new LinkedHashSet<>();
        int accepted = 0;
        try (MllpClient client = new MllpClient("localhost", port, Duration.ofSeconds(30))) {
            for (byte[] message : messages) {
                AckSummary ack = AckSummary.of(client.send(message));
                if (ack.accepted()) {
                    accepted++;
                    keys.add(Hl7MessageHeader.scan(new String(message, Hl7Charsets.detect(message))).deduplicationKey());
                } else {
                    System.out.println("  " + ack.code() + " for message " + ack.acknowledgedControlId());
                }
            }
        }
        System.out.println("Sent " + messages.size() + " HL7v2 messages over MLLP: " + accepted + " acknowledged AA");
        return keys;
    }

    private void awaitProcessing(MedRelayEngine engine, Set<String> keys) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(waitSeconds).toNanos();
        long done = 0;
        while (System.nanoTime() < deadline) {
            done = 0;
            for (String key : keys) {
                var status = engine.messageLog().statusOf(key);
                if (status.isPresent() && status.get() != MessageStatus.PROCESSING) {
                    done++;
                }
            }
            if (done == keys.size()) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf("Processed %d of %d accepted messages in %.1f s (see `medrelay errors list` for any failures)%n",
                done, keys.size(), (System.nanoTime() - started) / 1e9);
    }

    private void showFhirServer(String baseUrl) {
        IGenericClient client = FhirContext.forR4Cached().newRestfulGenericClient(baseUrl);
        System.out.println("In the FHIR server at " + baseUrl + ":");
        for (String type : SHOWN_TYPES) {
            Bundle page = client.search().forResource(type).count(1000).returnBundle(Bundle.class).execute();
            System.out.printf("  %-18s %4d%n", type, page.getEntry().size());
        }
        System.out.println("Try: curl '" + baseUrl + "/Patient?_count=5'");
    }
}
