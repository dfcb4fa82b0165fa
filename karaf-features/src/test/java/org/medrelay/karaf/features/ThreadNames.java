package org.medrelay.karaf.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names of a JVM's live threads, from a {@code jstack} thread dump of its process. */
final class ThreadNames {

    /** A thread's header line in a dump: {@code "name" #12 daemon prio=5 ...}. */
    private static final Pattern HEADER = Pattern.compile("^\"(.*)\" #\\d+", Pattern.MULTILINE);

    private ThreadNames() {
    }

    static List<String> of(ProcessHandle jvm) throws IOException, InterruptedException {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        Process dump = new ProcessBuilder(jstack.toString(), String.valueOf(jvm.pid())).redirectErrorStream(true).start();
        byte[] output = dump.getInputStream().readAllBytes();
        if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0) {
            dump.destroyForcibly();
            throw new IllegalStateException("jstack failed: " + new String(output, StandardCharsets.UTF_8));
        }
        Matcher header = HEADER.matcher(new String(output, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        while (header.find()) {
            names.add(header.group(1));
        }
        return names;
    }
}
