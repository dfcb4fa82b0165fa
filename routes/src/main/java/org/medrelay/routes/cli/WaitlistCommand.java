package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.mappings.hl7v2.Hl7MessageHeader;
import org.medrelay.processors.audit.AuditAction;
import org.medrelay.processors.audit.AuditActors;
import org.medrelay.processors.audit.AuditEvent;
import org.medrelay.processors.audit.AuditOutcome;
import org.medrelay.processors.audit.AuditSubject;
import org.medrelay.processors.audit.AuditTrail;
import org.medrelay.processors.noshow.Waitlist;
import org.medrelay.processors.noshow.WaitlistEntry;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.PatientKeySecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

@Command(name = "waitlist", description = "Patients waiting for an earlier slot of a visit type with a provider (no-show recovery).",
        mixinStandardHelpOptions = true)
final class WaitlistCommand {

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "configuration file (default: ./application.properties or MEDRELAY_CONFIG)")
    Path config;

    @Command(name = "add", description = "Put a patient on the waitlist; prints the entry's id. Audited as the person running it.")
    int add(@Option(names = "--patient", required = true, paramLabel = "REF", description = "the EHR's Patient, e.g. Patient/12") String patient,
            @Option(names = "--authority", required = true, paramLabel = "A", description = "PID-3 assigning authority (CX-4), e.g. MRH") String authority,
            @Option(names = "--id", required = true, paramLabel = "MRN", description = "PID-3 id (CX-1)") String id,
            @Option(names = "--provider", required = true, paramLabel = "ID", description = "the provider's id as AIP-3 gives it (an NPI)") String provider,
            @Option(names = "--visit-type", required = true, paramLabel = "TYPE", description = "the visit type code (SCH-8, else AIS-3), e.g. ROUTINE") String visitType,
            @Option(names = "--before", paramLabel = "ISO", description = "only slots starting before this instant (their current appointment), e.g. 2026-12-20T09:00:00Z") Instant before)
            throws Exception {
        if (!patient.matches("Patient/[A-Za-z0-9.-]{1,64}")) {
            System.err.println("medrelay: --patient must be a Patient reference such as Patient/12");
            return CliErrors.EXIT_FAILURE;
        }
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            String key = PatientKeySecret.load(props).keyOf(Hl7MessageHeader.patientIdentifier(authority, id));
            String actor = AuditActors.osUser();
            long entry = new Waitlist(store).add(key, patient, provider, visitType.toUpperCase(Locale.ROOT), before, actor, Instant.now());
            new AuditTrail(store).append(AuditEvent.of(actor, AuditAction.CREATE, Instant.now(), AuditSubject.patient(key),
                    "waitlist-entry/" + entry, AuditOutcome.SUCCESS, null));
            System.out.println(entry);
        }
        return CliErrors.EXIT_OK;
    }

    @Command(name = "list", description = "Entries not yet booked, longest waiting first, tab-separated: id, status, provider, "
            + "visit type, wanted before, added, offered slot, patient reference, patient key.")
    int list() throws Exception {
        EngineProperties props = EngineProperties.load(ConfigFiles.resolve(config));
        Optional<HikariDataSource> opened = EngineStore.openOrSayWhy(props);
        if (opened.isEmpty()) {
            return CliErrors.EXIT_UNREACHABLE;
        }
        try (HikariDataSource store = opened.get()) {
            new AuditTrail(store).append(AuditEvent.of(AuditActors.osUser(), AuditAction.READ, Instant.now(), AuditSubject.NONE,
                    "waitlist-entry", AuditOutcome.SUCCESS, null));
            for (WaitlistEntry e : new Waitlist(store).open()) {
                System.out.println(TabSeparated.line(String.valueOf(e.id()), e.status(), e.providerId(), e.visitType(),
                        text(e.wantedBefore()), text(e.addedAt()), text(e.offeredSlotStart()), e.patientReference(), e.patientKey()));
            }
        }
        return CliErrors.EXIT_OK;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
