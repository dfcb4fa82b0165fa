package org.medrelay.routes.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** Engine configurations for tests: the real defaults, with ports and folders moved out of the way. */
public final class TestEngines {

    private static final int FIRST_TEST_PORT = 20000;
    private static final int EPHEMERAL_LOW = ephemeralRangeStart();
    /** A prime: the walk visits every port of the span before it comes back to one. */
    private static final int PORT_STRIDE = 997;
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(new SecureRandom().nextInt(1 << 20));

    private TestEngines() {
    }

    /**
     * A loopback port nothing listens on, for a server the test starts a moment later; never the same one twice in
     * a run. Chosen below the kernel's ephemeral range: a port from there (what {@code new ServerSocket(0)} gives)
     * can be taken by any outbound connection of the run, JDBC or HTTP, before the server binds it. CI lost a run
     * to exactly that: the sandbox FHIR server could not bind the port it had been given.
     */
    public static int freePort() throws IOException {
        int span = EPHEMERAL_LOW - FIRST_TEST_PORT;
        for (int tries = 0; tries < span; tries++) {
            int port = FIRST_TEST_PORT + Math.floorMod(NEXT_PORT.getAndAdd(PORT_STRIDE), span);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IOException("No free loopback port between " + FIRST_TEST_PORT + " and " + EPHEMERAL_LOW);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty and netty bind: a port left in TIME_WAIT is still usable
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(FIRST_TEST_PORT + 1000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException notLinux) {
            return 32768;
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
