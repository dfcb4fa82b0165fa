package org.medrelay.processors.eligibility;

import org.medrelay.mappings.x12.X12ValidationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Keeps an X12 file that failed validation whole, as received, with its 999-style report beside it
 * ({@code <name>.report.txt}: envelopes, each segment and element in error with its 999/TA1 code). Nothing of the
 * file has been processed. The folder holds PHI: it belongs on the same protected volume as the store.
 */
public class Quarantine {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private final Path folder;
    private final Clock clock;

    public Quarantine(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    /** @return the quarantined file */
    public Path keep(String fileName, byte[] content, X12ValidationReport report) throws IOException {
        Files.createDirectories(folder);
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = folder.resolve(STAMP.format(clock.instant()) + "-" + safe);
        List<String> lines = new java.util.ArrayList<>();
        lines.add("quarantined " + fileName + ": not valid X12, nothing in it was processed");
        lines.addAll(report.describe());
        // the report first, the file last and whole (renamed into place): a file in the folder always has its report
        Files.write(folder.resolve(file.getFileName() + ".report.txt"), lines, StandardCharsets.UTF_8);
        Path partial = folder.resolve(".part-" + file.getFileName());
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
