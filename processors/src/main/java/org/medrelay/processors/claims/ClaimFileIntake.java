package org.medrelay.processors.claims;

import org.medrelay.mappings.x12.ImplementationSchemas;
import org.medrelay.mappings.x12.X12InputException;
import org.medrelay.mappings.x12.X12Reader;
import org.medrelay.mappings.x12.X12ValidationReport;
import org.medrelay.mappings.x12.X12Validator;
import org.medrelay.mappings.x12.claims.ClaimOnFile;
import org.medrelay.mappings.x12.claims.ClaimReader;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Takes in one 837 file the practice sent and keeps every claim in it ({@link ClaimsOnFile}), each audited. The file
 * is streamed, never loaded whole: spooled to disk, validated whole (envelopes, 005010X222A1 / X223A2) while its
 * SHA-256 is taken, then read claim by claim into one transaction. A file that does not validate is copied whole to
 * the quarantine folder with its 999-style report and nothing of it is kept. Logs file names and counts only.
 */
public class ClaimFileIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimFileIntake.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    static final String ACTOR = AuditActors.system("claims-on-file");
    static final String INTERFACE = "claims-on-file-in";

    private final DataSource store;
    private final ClaimsOnFile claims;
    private final AuditTrail trail;
    private final Path spool;
    private final Path quarantine;
    private final Clock clock;

    public ClaimFileIntake(DataSource store, ClaimsOnFile claims, AuditTrail trail, Path spool, Path quarantine, Clock clock) {
        this.store = store;
        this.claims = claims;
        this.trail = trail;
        this.spool = spool;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /** A file as a route hands it over: spooled to disk first, so it can be read twice without being held in memory. */
    public ClaimIntakeResult take(InputStream content, String fileName) throws IOException, SQLException {
        Files.createDirectories(spool);
        Path spooled = Files.createTempFile(spool, ".claims-", ".x12");
        try {
            Files.copy(content, spooled, StandardCopyOption.REPLACE_EXISTING);
            return take(spooled, fileName);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    public ClaimIntakeResult take(Path file, String fileName) throws IOException, SQLException {
        MessageDigest sha256 = sha256();
        X12ValidationReport report;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            report = new X12Validator().validate(in);
            in.transferTo(java.io.OutputStream.nullOutputStream()); // the hash covers the whole file
        }
        if (!report.valid()) {
            return quarantine(file, fileName, report);
        }
        String fileHash = HexFormat.of().formatHex(sha256.digest());
        return keep(file, fileName, fileHash);
    }

    private ClaimIntakeResult keep(Path file, String fileName, String fileHash) throws IOException, SQLException {
        int[] counts = new int[3]; // kept, already on file, position in the file
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try (InputStream in = Files.newInputStream(file)) {
                List<SQLException> failure = new ArrayList<>(1);
                // the file was validated whole just now: read it against the envelope schema only
                new ClaimReader(new X12Reader(ImplementationSchemas.envelopeOnly())).read(in, claim -> {
                    if (failure.isEmpty()) {
                        try {
                            keepOne(c, claim, fileName, fileHash, ++counts[2], counts);
                        } catch (SQLException e) {
                            failure.add(e);
                        }
                    }
                });
                if (!failure.isEmpty()) {
                    throw failure.get(0);
                }
                c.commit();
            } catch (X12InputException e) {
                c.rollback();
                throw new IOException("837 file " + fileName + " could not be read a second time: " + e.getMessage(), e);
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        LOG.info("837 file {}: {} claim(s) kept, {} already on file", fileName, counts[0], counts[1]);
        return ClaimIntakeResult.kept(counts[0], counts[1]);
    }

    /** counts[0] kept, counts[1] already on file; {@code index} the claim's position in the file, from 1. */
    private void keepOne(Connection c, ClaimOnFile claim, String fileName, String fileHash, int index, int[] counts) throws SQLException {
        Optional<Long> id = claims.keep(c, claim, fileName, fileHash, index);
        if (id.isEmpty()) {
            counts[1]++;
            return;
        }
        counts[0]++;
        trail.append(c, List.of(new AuditEvent(ACTOR, AuditAction.RECEIVE, clock.instant(), null, null,
                "claim-on-file/" + id.get(), AuditOutcome.SUCCESS, "837 claim " + index + " of file " + trim(fileName), INTERFACE)));
    }

    private ClaimIntakeResult quarantine(Path file, String fileName, X12ValidationReport report) throws IOException, SQLException {
        Files.createDirectories(quarantine);
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        Path kept = quarantine.resolve(STAMP.format(clock.instant()) + "-" + safe);
        List<String> lines = new ArrayList<>();
        lines.add("quarantined " + fileName + ": not valid X12, no claim in it was kept");
        lines.addAll(report.describe());
        // the report first, the file last and whole (renamed into place): a file in the folder always has its report
        Files.write(quarantine.resolve(kept.getFileName() + ".report.txt"), lines, StandardCharsets.UTF_8);
        Path partial = quarantine.resolve(".part-" + kept.getFileName());
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
        int findings = report.describe().size();
        trail.append(new AuditEvent(ACTOR, AuditAction.REFUSE, clock.instant(), null, null, "claim-file/" + trim(kept.getFileName().toString()),
                AuditOutcome.FAILURE, "837 file failed validation (" + findings + " line(s) of findings); quarantined", INTERFACE));
        LOG.warn("837 file {} failed validation ({} line(s) of findings): quarantined with its report as {}, no claim kept",
                fileName, findings, kept.getFileName());
        return ClaimIntakeResult.quarantined(kept);
    }

    private static String trim(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

}
