package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.hl7.Hl7AuditSubjects;
import org.medrelay.processors.hl7.ReprocessRequests;
import org.medrelay.processors.store.ErrorStore;
import org.medrelay.processors.store.StoredError;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PatientKeySecret;
import org.medrelay.routes.engine.PayloadEncryptionKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Command(name = "errors", mixinStandardHelpOptions = true,
        description = "The error and dead-letter store of the engine whose data is in ./data (or as configured).")
final class ErrorsCommand {

    @Option(names = "--config", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Command(name = "list", description = "List stored errors, newest first: id, kind, status, time, interface, "
            + "message type, control id, HL7 error code and location, reason.")
    int list(@Option(names = "--limit", defaultValue = "50") int limit) throws Exception {
        try (HikariDataSource store = EngineStore.open(config)) {
            // The error store holds patients' messages: a person reading it is audited, before anything is shown.
            new AuditTrail(store).append(AuditEvent.of(AuditActors.osUser(), AuditAction.READ, Instant.now(),
                    AuditSubject.NONE, "error", AuditOutcome.SUCCESS, null));
            List<StoredError> errors = new ErrorStore(store).list(limit);
            System.out.println(ErrorTable.header());
            errors.forEach(e -> System.out.println(ErrorTable.row(e)));
            System.err.println(errors.size() + " error(s)");
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "reprocess", description = "Put a stored message back through processing with its original bytes. "
            + "The engine picks the request up within seconds, or when it next starts.")
    int reprocess(@Parameters(paramLabel = "ID") long id) throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        try (HikariDataSource store = EngineStore.open(props)) {
            // The stored bytes are read (decrypted) only to name the patient in the audit entry.
            boolean requested = new ReprocessRequests(new ErrorStore(store, PayloadEncryptionKeys.forTools(props)),
                    new AuditTrail(store), this::auditSubjects, Clock.systemUTC()).request(id, AuditActors.osUser());
            if (!requested) {
                System.err.println("medrelay: no stored error with id " + id);
                return CliErrors.EXIT_FAILURE;
            }
            System.out.println("error " + id + " queued for reprocessing");
        }
        return CliErrors.EXIT_OK;
    }

    /** Only when a stored message names a patient: a missing id needs no secret. */
    private Hl7AuditSubjects auditSubjects() {
        return new Hl7AuditSubjects(PatientKeySecret.load(EngineProperties.load(ConfigFiles.resolve(config))));
    }
}
