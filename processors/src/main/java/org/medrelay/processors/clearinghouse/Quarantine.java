package org.medrelay.processors.clearinghouse;

import org.medrelay.mappings.x12.X12ValidationReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps an X12 file that failed validation whole, as received, with its 999-style report beside it
 * ({@code <name>.report.txt}: envelopes, each segment and element in error with its 999/TA1 code). Nothing of the
 * file has been processed. Serves every workflow that takes files from the clearinghouse (eligibility 271s,
 * remittance 835s), each with its own folder. The folder holds PHI: it belongs on the same protected volume as the store.
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
        Path file = reportFirst(fileName, report);
        Path partial = folder.resolve(".part-" + file.getFileName());
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** As {@link #keep(String, byte[], X12ValidationReport)} for a file on disk, copied without reading it into memory. */
    public Path keep(String fileName, Path content, X12ValidationReport report) throws IOException {
        Path file = reportFirst(fileName, report);
        Path partial = folder.resolve(".part-" + file.getFileName());
        Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The report first, the file last and whole (renamed into place): a file in the folder always has its report. */
    private Path reportFirst(String fileName, X12ValidationReport report) throws IOException {
        Files.createDirectories(folder);
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        Path file = folder.resolve(STAMP.format(clock.instant()) + "-" + safe);
        List<String> lines = new ArrayList<>();
        lines.add("quarantined " + fileName + ": not valid X12, nothing in it was processed");
        lines.addAll(report.describe());
        Files.write(folder.resolve(file.getFileName() + ".report.txt"), lines, StandardCharsets.UTF_8);
        return file;
    }
}
