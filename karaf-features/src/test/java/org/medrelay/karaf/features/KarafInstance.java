package org.medrelay.karaf.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A stock Karaf distribution unpacked into a work folder and run as a forked process: SSH and JMX on free
 * loopback ports, the {@code karaf} user enabled (the distribution ships it commented out). Closing kills the
 * whole process tree, whatever state it is in.
 */
final class KarafInstance implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration KILL_LIMIT = Duration.ofSeconds(20);

    private final Path home;
    private final KarafPorts ports;
    private Process karaf;

    private KarafInstance(Path home, KarafPorts ports) {
        this.home = home;
        this.ports = ports;
    }

    /** Unpacks the distribution afresh (tar keeps the scripts executable) and sets its ports and user. */
    static KarafInstance unpack(Path distribution, Path workDir, KarafPorts ports) throws IOException, InterruptedException {
        deleteTree(workDir);
        Files.createDirectories(workDir);
        Process tar = new ProcessBuilder("tar", "xzf", distribution.toString(), "-C", workDir.toString())
                .redirectErrorStream(true).start();
        if (!tar.waitFor(120, TimeUnit.SECONDS) || tar.exitValue() != 0) {
            tar.destroyForcibly();
            throw new IllegalStateException("could not unpack " + distribution);
        }
        Path home;
        try (Stream<Path> children = Files.list(workDir)) {
            home = children.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        KarafInstance instance = new KarafInstance(home, ports);
        instance.configure();
        return instance;
    }

    private void configure() throws IOException {
        Path etc = home.resolve("etc");
        edit(etc.resolve("users.properties"), List.of(
                new String[]{"#karaf = karaf,_g_:admingroup", "karaf = karaf,_g_:admingroup"},
                new String[]{"#_g_\\:admingroup = ", "_g_\\:admingroup = "}));
        edit(etc.resolve("org.apache.karaf.shell.cfg"), List.of(
                new String[]{"sshPort = 8101", "sshPort = " + ports.ssh()},
                new String[]{"sshHost = 0.0.0.0", "sshHost = 127.0.0.1"}));
        edit(etc.resolve("org.apache.karaf.management.cfg"), List.of(
                new String[]{"rmiRegistryPort = 1099", "rmiRegistryPort = " + ports.rmiRegistry()},
                new String[]{"rmiServerPort = 44444", "rmiServerPort = " + ports.rmiServer()}));
    }

    /** Replaces each text that must be there; a missing one means the distribution changed, so it fails. */
    private static void edit(Path file, List<String[]> replacements) throws IOException {
        String content = Files.readString(file, StandardCharsets.ISO_8859_1);
        for (String[] replacement : replacements) {
            if (!content.contains(replacement[0])) {
                throw new IllegalStateException(file + " has no '" + replacement[0] + "'");
            }
            content = content.replace(replacement[0], replacement[1]);
        }
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
    }

    /** Starts {@code bin/karaf server} and waits, bounded, until its console answers. */
    KarafConsole start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("karaf-process.log").toFile());
        karaf = builder.start();
        KarafConsole console = new KarafConsole(home, ports.ssh());
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (!console.answers()) {
            if (!karaf.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Karaf's console did not answer within " + START_LIMIT + ":\n" + logTail());
            }
            Thread.sleep(1000);
        }
        return console;
    }

    /** The Karaf JVM (bin/karaf is a script that runs java as its child). */
    ProcessHandle jvm() {
        return karaf.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Karaf JVM under " + karaf.pid()));
    }

    /** Waits, bounded, until Karaf's log has a line containing every one of {@code parts}. */
    boolean logShowsWithin(Duration limit, String... parts) throws InterruptedException {
        Path log = home.resolve("data/log/karaf.log");
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                        .anyMatch(line -> Arrays.stream(parts).allMatch(line::contains))) {
                    return true;
                }
            } catch (IOException e) {
                // the log is being rotated or written; read it again
            }
            Thread.sleep(250);
        }
        return false;
    }

    String logTail() {
        try {
            Path log = home.resolve("data/log/karaf.log");
            if (!Files.exists(log)) {
                return Files.readString(home.resolve("karaf-process.log"));
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no Karaf log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (karaf == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(karaf.descendants(), Stream.of(karaf.toHandle())).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().completeOnTimeout(process, KILL_LIMIT.toSeconds(), TimeUnit.SECONDS).join();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
