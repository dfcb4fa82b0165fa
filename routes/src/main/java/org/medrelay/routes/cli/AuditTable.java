package org.medrelay.routes.cli;

import org.medrelay.processors.audit.AuditEntry;
import org.medrelay.processors.audit.AuditEvent;

/** `audit list` output: one tab-separated line per entry, like `errors list`. */
final class AuditTable {

    private AuditTable() {
    }

    static String header() {
        return TabSeparated.line("ID", "RECORDED", "ACTOR", "ACTION", "OUTCOME", "PATIENT", "SOURCE", "TARGET",
                "INTERFACE", "REASON");
    }

    static String row(AuditEntry entry) {
        AuditEvent e = entry.event();
        return TabSeparated.line(
                String.valueOf(entry.id()),
                e.recordedAt().toString(),
                e.actor(),
                e.action().name().toLowerCase().replace('_', '-'),
                e.outcome().name().toLowerCase(),
                e.patientKey(),
                e.sourceMessage(),
                e.target(),
                e.interfaceName(),
                e.reason());
    }
}
