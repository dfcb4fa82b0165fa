package org.medrelay.routes.cli;

import org.medrelay.processors.store.StoredError;

/** `errors list` output: one tab-separated line per error, so it reads in a terminal and cuts in a script. */
final class ErrorTable {

    private ErrorTable() {
    }

    static String header() {
        return String.join("\t", "ID", "KIND", "STATUS", "CREATED", "INTERFACE", "TYPE", "CONTROL_ID", "CODE",
                "LOCATION", "REASON");
    }

    static String row(StoredError e) {
        return String.join("\t",
                String.valueOf(e.id()),
                e.kind().label(),
                e.status().name().toLowerCase().replace('_', '-'),
                e.createdAt().toString(),
                orDash(e.interfaceName()),
                orDash(e.messageType()),
                orDash(e.controlId()),
                e.errorCode() == null ? "-" : String.valueOf(e.errorCode()),
                orDash(e.errorLocation()),
                e.reason().replace('\t', ' ').replace('\n', ' '));
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
