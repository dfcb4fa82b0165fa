package org.medrelay.routes.engine;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** `medrelay run` in a child JVM, so a test can kill it the way a power cut or the OOM killer would. */
final class EngineProcess {

    private final Process process;
    private final int mllpPort;

    private EngineProcess(Process process, int mllpPort) {
        this.process = process;
        this.mllpPort = mllpPort;
    }

    static EngineProcess start(Path dataDir, int mllpPort, int fhirPort, Map<String, String> properties, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dmedrelay.data.dir=" + dataDir,
                "-Dmedrelay.mllp.host=127.0.0.1",
                "-Dmedrelay.mllp.port=" + mllpPort,
                "-Dmedrelay.fhir.sandbox.host=127.0.0.1",
                "-Dmedrelay.fhir.sandbox.port=" + fhirPort,
                "-Dmedrelay.fhir.base-url=http://127.0.0.1:" + fhirPort + "/fhir",
                // The crash test is about MLLP and processing; no API listener to collide on 8081.
                "-Dmedrelay.http.enabled=false"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.medrelay.routes.cli.MedRelayCli", "run"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        EngineProcess engine = new EngineProcess(process, mllpPort);
        engine.awaitListening(Duration.ofSeconds(90));
        return engine;
    }

    private void awaitListening(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("engine process exited with " + process.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", mllpPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IOException("engine did not listen on MLLP port " + mllpPort + " within " + timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the engine's orderly shutdown. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
