package org.medrelay.routes.cli;

import org.medrelay.processors.store.StoredError;

/** `errors list` output: one tab-separated line per error, so it reads in a terminal and cuts in a script. */
final class ErrorTable {

    private ErrorTable() {
    }

    static String header() {
        return TabSeparated.line("ID", "KIND", "STATUS", "CREATED", "INTERFACE", "TYPE", "CONTROL_ID", "CODE",
                "LOCATION", "REASON");
    }

    static String row(StoredError e) {
        return TabSeparated.line(
                String.valueOf(e.id()),
                e.kind().label(),
                e.status().name().toLowerCase().replace('_', '-'),
                e.createdAt().toString(),
                e.interfaceName(),
                e.messageType(),
                e.controlId(),
                e.errorCode() == null ? null : String.valueOf(e.errorCode()),
                e.errorLocation(),
                e.reason());
    }
}
