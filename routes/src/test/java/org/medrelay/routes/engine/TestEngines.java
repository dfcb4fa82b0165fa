package org.medrelay.routes.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Engine configurations for tests: the real defaults, with ports and folders moved out of the way. */
public final class TestEngines {

    private TestEngines() {
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Embedded defaults in {@code dataDir}, loopback only, fast retries; {@code overrides} win. */
    public static EngineProperties embedded(Path dataDir, int mllpPort, int fhirPort, Map<String, String> overrides) {
        Properties system = new Properties();
        system.setProperty("medrelay.data.dir", dataDir.toString());
        system.setProperty("medrelay.mllp.host", "127.0.0.1");
        system.setProperty("medrelay.mllp.port", String.valueOf(mllpPort));
        system.setProperty("medrelay.fhir.sandbox.host", "127.0.0.1");
        system.setProperty("medrelay.fhir.sandbox.port", String.valueOf(fhirPort));
        system.setProperty("medrelay.fhir.base-url", "http://127.0.0.1:" + fhirPort + "/fhir");
        system.setProperty("medrelay.hl7.processing.redelivery-delay-ms", "50");
        system.setProperty("medrelay.hl7.processing.max-redeliveries", "2");
        system.setProperty("medrelay.errors.reprocess-poll-ms", "200");
        // The API listener on a port of its own too, so engine tests never meet on the default 8081.
        system.setProperty("medrelay.http.host", "127.0.0.1");
        try {
            system.setProperty("medrelay.http.port", String.valueOf(freePort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overrides.forEach(system::setProperty);
        return EngineProperties.load(null, new HashMap<>(), system);
    }
}
