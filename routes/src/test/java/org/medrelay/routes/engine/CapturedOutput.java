package org.medrelay.routes.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a test's engine writes: every logback event on the root logger (with the shipped levels, and
 * MedRelay's own loggers turned up to DEBUG, so more is looked at than production logs), and all that reaches
 * System.out and System.err, where logback's console appender, picocli and third-party libraries write.
 * Restores loggers and streams on close.
 */
final class CapturedOutput implements AutoCloseable {

    /** One log event as it would be read: logger, message, exception chain, MDC. */
    record Line(String logger, String text, String routeId) {
    }

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger medrelay = (Logger) LoggerFactory.getLogger("org.medrelay");
    private final Level medrelayLevel = medrelay.getLevel();
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    CapturedOutput() {
        events.start();
        root.addAppender(events);
        medrelay.setLevel(Level.DEBUG);
        System.setOut(new PrintStream(new Tee(originalOut, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, console), true, StandardCharsets.UTF_8));
    }

    List<Line> logLines() {
        List<Line> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(events.list)) {
            Map<String, String> mdc = event.getMDCPropertyMap();
            lines.add(new Line(event.getLoggerName(), event.getFormattedMessage() + throwableText(event.getThrowableProxy())
                    + (mdc.isEmpty() ? "" : " " + mdc), mdc.get("camel.routeId")));
        }
        return lines;
    }

    /** Every log line as "logger: text", then the console output: what a PHI scan reads. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        logLines().forEach(line -> texts.add(line.logger() + ": " + line.text()));
        texts.add(console());
        return texts;
    }

    /** Each of {@code values} found in {@code texts}, with the text around it; empty when none shows. */
    static List<String> occurrences(List<String> texts, List<String> values) {
        return texts.stream().flatMap(t -> values.stream().filter(t::contains).map(v -> v + " in: "
                + t.substring(Math.max(0, t.indexOf(v) - 80), Math.min(t.length(), t.indexOf(v) + 40)))).toList();
    }

    /** What reached System.out and System.err outside {@link #isolated} runs. */
    String console() {
        synchronized (console) {
            return console.toString(StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code action} with System.out and System.err going to buffers of their own, and returns them. */
    static Streams isolated(ThrowingRunnable action) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBuffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Streams(outBuffer.toString(StandardCharsets.UTF_8), errBuffer.toString(StandardCharsets.UTF_8));
    }

    record Streams(String out, String err) {
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        medrelay.setLevel(medrelayLevel);
        root.detachAppender(events);
    }

    private static String throwableText(IThrowableProxy proxy) {
        if (proxy == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(" ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
        for (StackTraceElementProxy frame : proxy.getStackTraceElementProxyArray()) {
            text.append(' ').append(frame.getSTEAsString());
        }
        for (IThrowableProxy suppressed : proxy.getSuppressed()) {
            text.append(throwableText(suppressed));
        }
        return text + throwableText(proxy.getCause());
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream original;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            original.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            original.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
