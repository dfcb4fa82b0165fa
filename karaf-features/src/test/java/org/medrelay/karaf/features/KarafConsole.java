package org.medrelay.karaf.features;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Karaf's console as an operator reaches it: {@code bin/client} over SSH on loopback, as user karaf, the
 * commands on standard input (batch mode). Every call is bounded in time.
 */
final class KarafConsole {

    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);

    private final Path home;
    private final int sshPort;

    KarafConsole(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /** Runs the commands in one session and returns what they printed; fails on an error or a time-out. */
    String run(String... commands) throws IOException, InterruptedException {
        Result result = attempt(commands);
        if (result.exitCode != 0 || result.output.contains("Error executing command")) {
            throw new IllegalStateException("Karaf console failed (exit " + result.exitCode + ") on "
                    + List.of(commands) + ":\n" + result.output);
        }
        return result.output;
    }

    /** True once the console answers and the framework lists its bundles. */
    boolean answers() throws IOException, InterruptedException {
        Result result = attempt("bundle:list -t 0");
        return result.exitCode == 0 && result.output.contains("Active");
    }

    private Result attempt(String... commands) throws IOException, InterruptedException {
        Path output = Files.createTempFile("karaf-client", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(),
                    "-h", "127.0.0.1", "-a", String.valueOf(sshPort), "-u", "karaf", "-p", "karaf", "-r", "1", "-b");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.redirectErrorStream(true).redirectOutput(output.toFile());
            Process client = builder.start();
            try (OutputStream in = client.getOutputStream()) {
                in.write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!client.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                client.destroyForcibly();
                throw new IllegalStateException("Karaf console gave no answer within " + COMMAND_LIMIT
                        + " to " + List.of(commands));
            }
            return new Result(client.exitValue(), Files.readString(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
