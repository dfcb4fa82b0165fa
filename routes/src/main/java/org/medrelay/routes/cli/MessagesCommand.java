package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.crypto.PayloadCipher;
import org.medrelay.processors.hl7.Hl7AuditSubjects;
import org.medrelay.processors.store.LoggedMessage;
import org.medrelay.processors.store.MessageLog;
import org.medrelay.processors.store.RawCopyVerifier;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PatientKeySecret;
import org.medrelay.routes.engine.PayloadEncryptionKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

@Command(name = "messages", mixinStandardHelpOptions = true,
        description = "The message log and raw copies of the engine whose data is in ./data (or as configured).")
final class MessagesCommand {

    @Option(names = "--config", scope = ScopeType.INHERIT,
            description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Command(name = "verify", description = "Recompute the SHA-256 of every stored raw copy (message log, error "
            + "store, and the sealed copies of the 835 files and faxes taken in) and compare it with the hash kept when "
            + "it was stored. Exit 0 when all match, 1 naming the copies that do not, 3 when the store cannot be opened.")
    int verify() throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        PayloadCipher cipher = PayloadEncryptionKeys.forTools(props);
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            // Every raw copy is decrypted to be hashed: a read of patient data, recorded before it happens.
            new AuditTrail(store).append(AuditEvent.of(AuditActors.osUser(), AuditAction.READ, Instant.now(),
                    AuditSubject.NONE, "raw-copies", AuditOutcome.SUCCESS, "integrity check"));
            RawCopyVerifier.Result result = new RawCopyVerifier(store, cipher).verify();
            result.mismatches().forEach(m -> System.out.println("raw copy " + m.target() + " altered: " + m.problem()));
            if (result.withoutHash() > 0) {
                System.out.println(result.withoutHash() + " raw cop(ies) stored before hashes were kept, not checked");
            }
            if (!result.intact()) {
                System.out.println("raw copies altered: " + result.mismatchCount() + " of " + result.checked());
                return CliErrors.EXIT_FAILURE;
            }
            System.out.println("raw copies intact: " + result.checked());
            return CliErrors.EXIT_OK;
        }
    }

    @Command(name = "show", description = "A logged message: id, dedup key, type, status, times, SHA-256 of its raw "
            + "copy. With --raw, the raw copy's bytes exactly as received, to stdout.")
    int show(@Parameters(paramLabel = "ID") long id,
             @Option(names = "--raw", description = "write the bytes as received to stdout") boolean raw)
            throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        PayloadCipher cipher = PayloadEncryptionKeys.forTools(props);
        try (HikariDataSource store = EngineStore.open(props)) {
            Optional<LoggedMessage> found = new MessageLog(store, cipher).find(id);
            AuditSubject subject = found.filter(m -> m.rawCopy() != null)
                    .map(m -> new Hl7AuditSubjects(PatientKeySecret.load(props)).ofRaw(m.rawCopy(), null))
                    .orElse(AuditSubject.NONE);
            // A person reading a patient's message is audited before anything is shown.
            new AuditTrail(store).append(AuditEvent.of(AuditActors.osUser(), AuditAction.READ, Instant.now(), subject,
                    "hl7-message/" + id, found.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    found.isPresent() ? (raw ? "raw copy" : null) : "no such message"));
            if (found.isEmpty()) {
                System.err.println("medrelay: no logged message with id " + id);
                return CliErrors.EXIT_FAILURE;
            }
            LoggedMessage message = found.get();
            if (raw) {
                return writeRaw(message, System.out);
            }
            System.out.println(String.join("\t", "id", "dedup key", "type", "version", "status", "received",
                    "processed", "charset", "bytes", "sha256"));
            System.out.println(String.join("\t", String.valueOf(message.id()), message.dedupKey(), message.messageType(),
                    message.version(), message.status().name(), String.valueOf(message.receivedAt()),
                    String.valueOf(message.processedAt()), String.valueOf(message.charset()),
                    message.rawCopy() == null ? "" : String.valueOf(message.rawCopy().length),
                    String.valueOf(message.rawSha256())));
        }
        return CliErrors.EXIT_OK;
    }

    private static int writeRaw(LoggedMessage message, PrintStream out) {
        if (message.rawCopy() == null) {
            System.err.println("medrelay: message " + message.id() + " was logged before raw copies were kept");
            return CliErrors.EXIT_FAILURE;
        }
        out.write(message.rawCopy(), 0, message.rawCopy().length);
        out.flush();
        return CliErrors.EXIT_OK;
    }
}
