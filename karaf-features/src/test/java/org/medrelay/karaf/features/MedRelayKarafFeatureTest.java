package org.medrelay.karaf.features;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.medrelay.routes.mllp.MllpClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Karaf install steps, run against the stock Apache Karaf 4.4.8 distribution in a forked
 * process: add the features repository, install the engine, then the HL7v2/MLLP feed, send a message over
 * MLLP and get AA, find the patient in the sandbox EHR, change the MLLP port through config admin, then
 * uninstall the feed (the engine stays) and the engine, and find no MedRelay bundle and no engine thread left.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MedRelayKarafFeatureTest {

    private static final Duration ENGINE_LIMIT = Duration.ofSeconds(180);
    private static final Duration LANDING_LIMIT = Duration.ofSeconds(60);
    private static final Duration THREADS_LIMIT = Duration.ofSeconds(30);
    /** Threads of the parts the engine runs: Camel, Artemis, netty, Jetty (qtp), Hikari, H2, MedRelay's own. */
    private static final List<String> ENGINE_THREAD_WORDS = List.of("medrelay", "camel", "artemis", "activemq",
            "netty", "qtp", "jetty", "hikari", "h2 ", "pooledjms");

    private static KarafInstance karaf;
    private static KarafConsole console;
    private static Instant started;

    @BeforeAll
    static void startStockKaraf() throws Exception {
        started = Instant.now();
        karaf = KarafInstance.unpack(Path.of(System.getProperty("medrelay.karaf.distribution")),
                Path.of(System.getProperty("medrelay.karaf.work")), KarafPorts.free());
        console = karaf.start();
        System.out.printf("Karaf console up after %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    @AfterAll
    static void killKaraf() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        System.out.printf("Karaf feature test took %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    @Test
    void engineAndHl7FeedInstallTakeAMessageOverMllpAndUninstallWithoutTrace() throws Exception {
        int mllpPort = KarafPorts.freePort();
        int ehrPort = KarafPorts.freePort();
        try {
            // The README's install steps.
            console.run("config:property-append -p org.ops4j.pax.url.mvn org.ops4j.pax.url.mvn.defaultRepositories "
                    + "\", file:" + System.getProperty("medrelay.karaf.repository") + "@id=medrelay@snapshots\"");
            addFeaturesRepository(System.getProperty("medrelay.karaf.features"));
            console.run("config:edit org.medrelay.engine",
                    "config:property-set medrelay.mllp.host 127.0.0.1",
                    "config:property-set medrelay.mllp.port " + mllpPort,
                    "config:property-set medrelay.fhir.sandbox.host 127.0.0.1",
                    "config:property-set medrelay.fhir.sandbox.port " + ehrPort,
                    "config:property-set medrelay.fhir.base-url http://127.0.0.1:" + ehrPort + "/fhir",
                    "config:update");
            console.run("feature:install medrelay-core");
            assertTrue(ehrAnswers(ehrPort), "the engine runs its sandbox EHR once medrelay-core is installed");
            assertFalse(listens(mllpPort), "no MLLP listener without the HL7v2/MLLP feed");

            console.run("feature:install medrelay-hl7-mllp");
            assertTrue(console.run("feature:list -i").contains("medrelay-hl7-mllp"));
            String ack = sendOnceListening(mllpPort, sample("adt-a04-registration.hl7"));
            assertTrue(ack.contains("MSA|AA|MSG00001"), ack);
            assertEquals(1, patientsLanded(ehrPort, "MRN100001"), "the registered patient in the sandbox EHR");

            // A capability comes and goes with its feature: the engine loads its routes, then removes them.
            console.run("feature:install medrelay-eligibility");
            assertTrue(karaf.logShowsWithin(THREADS_LIMIT, "Loaded the routes of org.medrelay.karaf.eligibility",
                    "eligibility-request-out", "eligibility-response-in"), karaf.logTail());
            console.run("feature:uninstall medrelay-eligibility");
            assertFalse(console.run("feature:list -i").contains("medrelay-eligibility"));
            console.run("feature:install medrelay-remittance");
            assertTrue(karaf.logShowsWithin(THREADS_LIMIT, "Loaded the routes of org.medrelay.karaf.remittance",
                    "remittance-in", "remittance-drop-in", "claims-on-file-in"), karaf.logTail());
            console.run("feature:install medrelay-priorauth");
            assertTrue(karaf.logShowsWithin(THREADS_LIMIT, "Loaded the routes of org.medrelay.karaf.priorauth",
                    "priorauth-submit", "priorauth-status-inquiry", "priorauth-deadlines"), karaf.logTail());
            console.run("feature:install medrelay-fax");
            assertTrue(karaf.logShowsWithin(THREADS_LIMIT, "Loaded the routes of org.medrelay.karaf.fax",
                    "fax-in", "fax-drop-in"), karaf.logTail());
            console.run("feature:uninstall medrelay-remittance", "feature:uninstall medrelay-priorauth",
                    "feature:uninstall medrelay-fax");
            assertFalse(console.run("feature:list -i").contains("medrelay-remittance"));

            // A configuration change applies without restarting Karaf: the listener moves to the new port.
            int movedPort = KarafPorts.freePort();
            console.run("config:property-set -p org.medrelay.engine medrelay.mllp.port " + movedPort);
            String movedAck = sendOnceListening(movedPort, sample("adt-a08-update-utf8.hl7"));
            assertTrue(movedAck.contains("MSA|AA|"), movedAck);
            assertFalse(listens(mllpPort), "the old MLLP port is closed");

            // The feed goes, the engine stays.
            console.run("feature:uninstall medrelay-hl7-mllp");
            assertTrue(closesWithin(movedPort, THREADS_LIMIT), "no MLLP listener once the feed is uninstalled");
            assertTrue(ehrAnswers(ehrPort), "the engine still runs without the feed");

            console.run("feature:uninstall medrelay-core");
            String bundles = console.run("bundle:list -t 0");
            assertFalse(bundles.toLowerCase(Locale.ROOT).contains("medrelay"), bundles);
            assertEquals(List.of(), engineThreadsAfterUninstall());
        } catch (Exception | AssertionError e) {
            System.out.println("Karaf log:\n" + karaf.logTail());
            throw e;
        }
    }

    private void addFeaturesRepository(String features) throws Exception {
        // pax-url takes the new repository folder asynchronously; the first add can come before it.
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                console.run("feature:repo-add " + features);
                return;
            } catch (IllegalStateException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(1000);
            }
        }
    }

    /** The engine starts after feature:install returns (and restarts after a change): waits, bounded, for it. */
    private static String sendOnceListening(int port, byte[] message) throws Exception {
        Instant deadline = Instant.now().plus(ENGINE_LIMIT);
        while (true) {
            try (MllpClient client = new MllpClient("127.0.0.1", port, Duration.ofSeconds(30))) {
                return new String(client.send(message), StandardCharsets.UTF_8);
            } catch (ConnectException notListening) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("nothing listened on MLLP port " + port + " within " + ENGINE_LIMIT);
                }
                Thread.sleep(1000);
            }
        }
    }

    /** The sandbox EHR's capability statement, waited for (bounded) since the engine starts in the background. */
    private static boolean ehrAnswers(int ehrPort) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest metadata = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ehrPort + "/fhir/metadata"))
                .timeout(Duration.ofSeconds(30)).build();
        Instant deadline = Instant.now().plus(ENGINE_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(metadata, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** The engine removes a feed's routes on its own thread, just after the bundle stops. */
    private static boolean closesWithin(int port, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (listens(port)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int patientsLanded(int ehrPort, String mrn) throws InterruptedException {
        IGenericClient ehr = FhirContext.forR4Cached().newRestfulGenericClient("http://127.0.0.1:" + ehrPort + "/fhir");
        Instant deadline = Instant.now().plus(LANDING_LIMIT);
        int found = 0;
        while (found == 0 && Instant.now().isBefore(deadline)) {
            Bundle result = ehr.search().forResource(Patient.class)
                    .where(Patient.IDENTIFIER.exactly().code(mrn)).returnBundle(Bundle.class).execute();
            found = result.getEntry().size();
            if (found == 0) {
                Thread.sleep(500);
            }
        }
        return found;
    }

    /** Engine threads still alive in the Karaf JVM; they may take a moment to end after the bundle stops. */
    private static List<String> engineThreadsAfterUninstall() throws Exception {
        Instant deadline = Instant.now().plus(THREADS_LIMIT);
        List<String> left;
        do {
            left = ThreadNames.of(karaf.jvm()).stream()
                    .filter(name -> ENGINE_THREAD_WORDS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains))
                    .toList();
            if (!left.isEmpty()) {
                Thread.sleep(1000);
            }
        } while (!left.isEmpty() && Instant.now().isBefore(deadline));
        return left;
    }

    private static byte[] sample(String name) throws IOException {
        try (InputStream in = MedRelayKarafFeatureTest.class.getResourceAsStream("/medrelay-test-data/hl7v2/" + name)) {
            return in.readAllBytes();
        }
    }
}
