package org.medrelay.routes.cli;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditBundleExport;
import org.medrelay.processors.audit.AuditChainVerifier;
import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditQuery;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.audit.ChainVerification;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PatientKeySecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The audit trail of the engine whose data is in ./data (or as configured).")
final class AuditCommand {

    /** What a person reads or exports here: the trail itself. */
    private static final String TARGET = "audit-event";

    @Option(names = "--config", scope = ScopeType.INHERIT,
            description = "application.properties of the engine (default: ./application.properties if present)")
    Path config;

    @Command(name = "verify", description = "Walk the hash chain. Exit 0 when intact, 1 naming the first broken "
            + "entry, 3 when the store cannot be opened.")
    int verify() throws Exception {
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(config);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            ChainVerification result = new AuditChainVerifier(store).verify();
            System.out.println(result.describe());
            if (result.intact() && result.lastId() > 0) {
                // Kept somewhere else (a ticket, a log host), it shows later whether the chain was rewritten.
                System.out.println("chain head: entry " + result.lastId() + ", sha256 " + result.lastHash());
            }
            return result.intact() ? CliErrors.EXIT_OK : CliErrors.EXIT_FAILURE;
        }
    }

    @Command(name = "list", description = "List audit entries, newest first, tab-separated: id, time, actor, action, "
            + "outcome, patient key, source message, target, interface, reason.")
    int list(@Option(names = "--limit", defaultValue = "50") int limit,
             @Option(names = "--since", converter = SinceConverter.class,
                     description = "only entries recorded from this ISO date or instant on") Instant since,
             @Option(names = "--patient", paramLabel = "KEY",
                     description = "only entries about this pseudonymous patient key") String patient) throws Exception {
        if (!validPatient(patient)) {
            return CliErrors.EXIT_FAILURE;
        }
        try (HikariDataSource store = EngineStore.open(config)) {
            AuditTrail trail = new AuditTrail(store);
            // Recorded before anything is shown: no reading without a trace.
            recordAccess(trail, AuditAction.READ, subject(patient), TARGET);
            List<AuditEntry> entries = trail.newestFirst(new AuditQuery(since, patient), limit);
            System.out.println(AuditTable.header());
            entries.forEach(e -> System.out.println(AuditTable.row(e)));
            System.err.println(entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "export", description = "Print the audit trail as a FHIR R4 Bundle (type collection) of "
            + "AuditEvent resources, JSON, oldest first.")
    int export(@Option(names = "--since", converter = SinceConverter.class,
                       description = "only entries recorded from this ISO date or instant on") Instant since,
               @Option(names = "--patient", paramLabel = "KEY",
                       description = "only entries about this pseudonymous patient key") String patient) throws Exception {
        if (!validPatient(patient)) {
            return CliErrors.EXIT_FAILURE;
        }
        try (HikariDataSource store = EngineStore.open(config)) {
            AuditTrail trail = new AuditTrail(store);
            // Recorded before the first byte leaves, so the export is in the trail (and in itself).
            recordAccess(trail, AuditAction.EXPORT, subject(patient), TARGET);
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            long written = new AuditBundleExport(trail, FhirContext.forR4Cached())
                    .write(new AuditQuery(since, patient), out);
            System.err.println(written + " audit event(s)");
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "patient-key", description = "Print the pseudonymous key this deployment gives a patient, for "
            + "`audit list --patient KEY`. The lookup is audited under that key, never the MRN. Exit 1 when the "
            + "identifier is empty or the secret cannot be read, 3 when the store cannot be opened.")
    int patientKey(@Option(names = "--authority", required = true, paramLabel = "AUTHORITY",
                           description = "PID-3 assigning authority (CX-4), e.g. MRH; '' when the sender leaves it "
                                   + "empty") String authority,
                   @Option(names = "--id", required = true, arity = "0..1", interactive = true, paramLabel = "MRN",
                           description = "PID-3 ID number (CX-1); asked for when given without a value, which keeps "
                                   + "it out of the shell history") String id) throws Exception {
        if (id == null || id.isEmpty()) {
            System.err.println("medrelay: --id takes the patient's ID number (PID-3 CX-1)");
            return CliErrors.EXIT_FAILURE;
        }
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        String key = PatientKeySecret.load(props).keyOf(Hl7MessageHeader.patientIdentifier(authority, id));
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            // Who looked up which patient, before the key is shown; the MRN itself is kept nowhere.
            recordAccess(new AuditTrail(store), AuditAction.READ, AuditSubject.patient(key), "patient-key");
        }
        System.out.println(key);
        return CliErrors.EXIT_OK;
    }

    private static boolean validPatient(String patient) {
        if (patient == null || AuditEvent.isPseudonymousKey(patient)) {
            return true;
        }
        System.err.println("medrelay: --patient takes a pseudonymous patient key (hex, as `audit list` shows it), "
                + "never an MRN or a name");
        return false;
    }

    /** The person at the terminal (OS user) reading or exporting, recorded before anything is shown. */
    private static void recordAccess(AuditTrail trail, AuditAction action, AuditSubject subject, String target)
            throws SQLException {
        trail.append(AuditEvent.of(AuditActors.osUser(), action, Instant.now(), subject, target,
                AuditOutcome.SUCCESS, null));
    }

    private static AuditSubject subject(String patient) {
        return patient == null ? AuditSubject.NONE : AuditSubject.patient(patient);
    }
}
