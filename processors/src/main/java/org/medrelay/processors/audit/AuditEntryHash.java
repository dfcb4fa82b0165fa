package org.medrelay.processors.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that chains an entry to the one before it: SHA-256 over a canonical text of every stored field
 * and the previous entry's hash. Changing any field, or the order of entries, changes the hash.
 *
 * <p>Each field is written as {@code <length>:<value>;} ({@code -;} for null), so no value can imitate a
 * separator and two different entries never share a canonical text. The format is versioned: a later
 * format must keep computing this one for the entries written with it.
 */
public final class AuditEntryHash {

    /** What entry 1 chains to (the migration seeds the chain head with it). */
    public static final String GENESIS = "0".repeat(64);

    private static final String FORMAT = "medrelay-audit-v1;";

    private AuditEntryHash() {
    }

    public static String of(long id, AuditEvent event, String previousHash) {
        return sha256(canonical(id, event, previousHash));
    }

    static String canonical(long id, AuditEvent e, String previousHash) {
        StringBuilder text = new StringBuilder(256).append(FORMAT);
        field(text, Long.toString(id));
        field(text, DateTimeFormatter.ISO_INSTANT.format(e.recordedAt()));
        field(text, e.actor());
        field(text, e.action().name());
        field(text, e.patientKey());
        field(text, e.sourceMessage());
        field(text, e.target());
        field(text, e.outcome().name());
        field(text, e.reason());
        field(text, e.interfaceName());
        field(text, previousHash);
        return text.toString();
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
