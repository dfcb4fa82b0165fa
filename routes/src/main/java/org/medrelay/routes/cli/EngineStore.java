package org.medrelay.routes.cli;

import com.zaxxer.hikari.HikariDataSource;
import org.medrelay.processors.store.StoreDataSources;
import org.medrelay.processors.store.StoreSettings;
import org.medrelay.routes.engine.EngineProperties;
import org.medrelay.routes.engine.H2Defaults;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The store of the engine a command is run with: the same configuration resolution as {@code medrelay run}
 * ({@code --config}, {@code MEDRELAY_CONFIG}, {@code ./application.properties}, the defaults' {@code ./data}),
 * so `errors` and `audit` read what that engine wrote. H2's AUTO_SERVER mode lets them in while it runs.
 */
final class EngineStore {

    private EngineStore() {
    }

    static HikariDataSource open(Path config) {
        return open(EngineProperties.load(ConfigFiles.resolve(config)));
    }

    /**
     * For commands whose exit code tells "store unreachable" apart: the store, or empty after saying on stderr why
     * it could not be opened (the caller then exits {@link CliErrors#EXIT_UNREACHABLE}).
     */
    static Optional<HikariDataSource> openOrSayWhy(Path config) {
        try {
            return Optional.of(open(config));
        } catch (RuntimeException e) {
            System.err.println("medrelay: cannot open the store: " + CliErrors.describe(e));
            return Optional.empty();
        }
    }

    /** As {@link #openOrSayWhy(Path)}, with the configuration already read. */
    static Optional<HikariDataSource> openOrSayWhy(EngineProperties props) {
        try {
            return Optional.of(open(props));
        } catch (RuntimeException e) {
            System.err.println("medrelay: cannot open the store: " + CliErrors.describe(e));
            return Optional.empty();
        }
    }

    static HikariDataSource open(EngineProperties props) {
        H2Defaults.bindToLoopback();
        return StoreDataSources.openAndMigrate(new StoreSettings(props.get("medrelay.store.url"),
                props.get("medrelay.store.user"), props.get("medrelay.store.password"), 2));
    }
}
