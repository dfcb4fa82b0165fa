package org.medrelay.routes.cli;

import java.nio.file.Path;

final class ConfigFiles {

    private ConfigFiles() {
    }

    /** --config wins, then MEDRELAY_CONFIG; null means ./application.properties if it exists. */
    static Path resolve(Path option) {
        if (option != null) {
            return option;
        }
        String fromEnvironment = System.getenv("MEDRELAY_CONFIG");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }
}
